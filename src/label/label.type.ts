import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { LabelKind } from './label.enums';

registerEnumType(LabelKind, { name: 'LabelKind', description: 'Kind of quality label or official sign of quality and origin.' });

@ObjectType({ description: 'A quality label or appellation (AB, Label Rouge, Picodon AOP, HVE...).' })
export class Label {
  @Field(() => String, { description: 'Stable slug ("ab", "picodon-aop").' })
  id!: string;

  @Field(() => String, { description: 'Official name.' })
  name!: string;

  @Field(() => LabelKind)
  kind!: LabelKind;

  @Field(() => Boolean, { description: "Counts toward EGalim's 50 % of sustainable and quality products." })
  egalim!: boolean;

  @Field(() => Boolean, { description: 'Counts as organic (what the "organic" of queries means).' })
  organic!: boolean;

  @Field(() => String, { description: 'What it certifies, in French.' })
  description!: string;
}
