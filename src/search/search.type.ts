import { createUnionType, Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { Actor } from '../actor';
import { Product } from '../product';

/** What a search may find. */
export enum SearchKind {
  ACTOR = 'ACTOR',
  PRODUCT = 'PRODUCT',
}

registerEnumType(SearchKind, {
  name: 'SearchKind',
  description: 'What a search may find.',
  valuesConfig: {
    ACTOR: { description: 'An actor, found by its trade name.' },
    PRODUCT: { description: 'A product of the catalog, found by its French name.' },
  },
});

/**
 * A union rather than an interface: Actor and Product share nothing but an id and a name, and
 * those are already on SearchResult, so a list renders without fragments; a client that wants more
 * selects `... on Actor` / `... on Product` and switches on `__typename`, which codegen turns into a
 * discriminated union. An interface would add a type every Actor and Product query carries for the
 * sake of this one field. The hits are class instances, so type-graphql resolves the union by
 * `instanceof` (see toSearchResult).
 */
export const SearchHit = createUnionType({
  name: 'SearchHit',
  description: 'What a search found: an Actor or a Product (switch on `__typename`).',
  types: () => [Actor, Product] as const,
});

@ObjectType({ description: 'One search result: what was found, how well it matches, and the found object itself.' })
export class SearchResult {
  @Field(() => SearchKind, { description: 'What was found (the same as the `__typename` of `hit`, as an enum).' })
  kind!: SearchKind;

  @Field(() => String, { description: 'Id of the actor or product found.' })
  id!: string;

  @Field(() => String, { description: 'Name of the actor or product found, as stored (with accents).' })
  name!: string;

  @Field(() => Float, {
    description: 'Lucene relevance score: higher is better. Only comparable between the results of one search.',
  })
  score!: number;

  @Field(() => SearchHit, { description: 'The actor or product found; select its fields with `... on Actor` / `... on Product`.' })
  hit!: Actor | Product;
}
