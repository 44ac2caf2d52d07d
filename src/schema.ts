import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { ServiceResolver } from './service';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
const RESOLVERS: NonEmptyArray<Function> = [ServiceResolver];

/**
 * Builds the executable schema from the type-graphql classes. `validate: true` runs
 * class-validator on every input type, so bad input is rejected before any resolver runs.
 */
export function buildMaillonSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: RESOLVERS, validate: { forbidUnknownValues: false } });
}
