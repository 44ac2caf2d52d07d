import { ArrayMaxSize, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ActorRole } from '../../actor';
import { InRange, NotBlank } from '../../common';
import { MAX_NEIGHBOURHOOD_DEPTH } from './neighbourhood.cypher';

/** Most nodes a graph view receives: beyond a few hundred, force layouts in a browser stop being readable or fast. */
export const MAX_GRAPH_NODES = 500;

@InputType({ description: 'Restricts the supply network a neighbourhood is drawn from; all given filters must hold.' })
export class NeighbourhoodFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Only links trading this product or a narrower one ("farine" keeps links of "farine-ble-t80").',
  })
  @IsOptional()
  @MaxLength(100)
  @NotBlank()
  productId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only links whose goods carry a legal organic label (AB, EU organic, in conversion) (true), or carry none (false).',
  })
  @IsOptional()
  organic?: boolean | null;

  @Field(() => [ActorRole], {
    nullable: true,
    description: 'Only neighbours having any of these roles (the centre is always shown).',
  })
  @IsOptional()
  @ArrayMaxSize(14)
  roles?: ActorRole[] | null;
}

/** The arguments of neighbourhood, checked at the edge. */
@ArgsType()
export class NeighbourhoodArgs {
  @Field(() => String, { description: 'Id of the actor at the centre.' })
  @NotBlank()
  actorId!: string;

  @Field(() => Int, { nullable: true, defaultValue: 1, description: `Hops from the centre, 1 to ${MAX_NEIGHBOURHOOD_DEPTH}.` })
  @IsOptional()
  @InRange(
    { min: 1, max: MAX_NEIGHBOURHOOD_DEPTH, whole: true },
    (value) => `depth must be between 1 and ${MAX_NEIGHBOURHOOD_DEPTH} (the maximum); got ${value}`,
    { maxDepth: MAX_NEIGHBOURHOOD_DEPTH },
  )
  depth?: number | null;

  @Field(() => NeighbourhoodFilter, { nullable: true, description: 'Restricts the links followed and the neighbours shown.' })
  @IsOptional()
  @ValidateNested()
  filter?: NeighbourhoodFilter | null;
}
