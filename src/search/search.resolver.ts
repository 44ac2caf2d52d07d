import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { Actor } from '../actor/actor.type';
import type { Context } from '../context';
import { int } from '../db';
import { BadUserInputError } from '../errors';
import { Product } from '../product/product.type';
import { toLuceneQuery } from './lucene';
import { SEARCH_HITS } from './search.cypher';
import { SearchKind, SearchResult } from './search.type';

export const DEFAULT_SEARCH_SIZE = 20;
export const MAX_SEARCH_SIZE = 100;
const MAX_TEXT_LENGTH = 200;

type SearchRow = {
  kind: SearchKind;
  score: number;
  hit: Record<string, unknown> & { id: string; name: string };
};

/** The Lucene query for `text`; BAD_USER_INPUT when the text is too long or holds no word. */
function toSearchQuery(text: string): string {
  if (text.length > MAX_TEXT_LENGTH) {
    throw new BadUserInputError(`text must be at most ${MAX_TEXT_LENGTH} characters; got ${text.length}`, { length: text.length });
  }
  const query = toLuceneQuery(text);
  if (!query) throw new BadUserInputError(`text must contain at least one letter or digit; got ${JSON.stringify(text)}`, { text });
  return query;
}

/** Builds the result with the hit as an Actor or Product instance: type-graphql resolves the SearchHit union by class. */
function toSearchResult({ kind, score, hit }: SearchRow): SearchResult {
  const object = kind === SearchKind.ACTOR ? Object.assign(new Actor(), hit) : Object.assign(new Product(), hit);
  return { kind, id: hit.id, name: hit.name, score, hit: object };
}

@Resolver(() => SearchResult)
export class SearchResolver {
  @Query(() => [SearchResult], {
    description:
      'Actors and products whose names match `text`, best match first (Lucene score, then name). Case- and ' +
      'accent-insensitive; every word must match, as a whole word or as the start of one ("farine" finds ' +
      '"Farine de blé T80", "drome" finds "Drôme", "pog rom" finds "Pogne de Romans"). One database round trip.',
  })
  async search(
    @Arg('text', () => String, { description: `Words to look for (at least one letter or digit, at most ${MAX_TEXT_LENGTH} characters).` })
    text: string,
    @Arg('kinds', () => [SearchKind], { nullable: true, description: 'Only these kinds of result (omitted or empty: actors and products).' })
    kinds: SearchKind[] | null | undefined,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_SEARCH_SIZE, description: `How many results, 1 to ${MAX_SEARCH_SIZE}.` })
    first: number | null,
    @Ctx() { db }: Context,
  ): Promise<SearchResult[]> {
    const size = first ?? DEFAULT_SEARCH_SIZE;
    if (size < 1 || size > MAX_SEARCH_SIZE) {
      throw new BadUserInputError(`first must be between 1 and ${MAX_SEARCH_SIZE}; got ${first}`, { first });
    }
    const query = toSearchQuery(text);
    const rows = await db.read<SearchRow>(SEARCH_HITS, { query, kinds: kinds?.length ? kinds : null, limit: int(size) });
    return rows.map(toSearchResult);
  }
}
