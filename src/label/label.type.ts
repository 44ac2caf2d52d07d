import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { LabelKind } from './label.enums';

/**
 * Kinds of label that claim organic farming, certified or not: the legal ones (ORGANIC,
 * ORGANIC_CONVERSION) and the private marks (PRIVATE_ORGANIC: Nature & Progrès, Demeter). The broad
 * "organic claim" search (`organicClaim`) accepts any of them; EGalim and need coverage do not.
 */
export const ORGANIC_CLAIM_KINDS: readonly LabelKind[] = [LabelKind.ORGANIC, LabelKind.ORGANIC_CONVERSION, LabelKind.PRIVATE_ORGANIC];

/** Whether a label claims organic farming, certified (legal organic) or private. */
export function isOrganicClaim(label: Pick<Label, 'organic' | 'kind'>): boolean {
  return label.organic || ORGANIC_CLAIM_KINDS.includes(label.kind);
}

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

  @Field(() => Boolean, {
    description:
      'Legal organic: certified under EU 2018/848 (AB, EU organic leaf, in conversion), what EGalim (code rural L230-5-1) counts ' +
      'in its 20 % and what the `organic` of every question means. Nature & Progrès and Demeter alone are not.',
  })
  organic!: boolean;

  @Field(() => String, { description: 'What it certifies, in French.' })
  description!: string;
}
