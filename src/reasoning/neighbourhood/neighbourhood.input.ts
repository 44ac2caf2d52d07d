import { IsOptional, ValidateNested } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { InRange } from '../../common';
import { MAX_NEIGHBOURHOOD_DEPTH } from './neighbourhood.cypher';
import { NeighbourhoodFilter } from './neighbourhood.type';

/** Most nodes a graph view receives: beyond a few hundred, force layouts in a browser stop being readable or fast. */
export const MAX_GRAPH_NODES = 500;

/** The arguments of neighbourhood, checked at the edge. */
@ArgsType()
export class NeighbourhoodArgs {
  @Field(() => String, { description: 'Id of the actor at the centre.' })
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
