import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { Actor } from '../actor';
import type { Context } from '../context';
import { int, toLuceneQuery } from '../db';
import { BadUserInputError } from '../errors';
import { Product } from '../product';
import { SEARCH_HITS } from './search.cypher';
import { DEFAULT_SEARCH_SIZE, SearchArgs } from './search.input';
import { SearchKind, SearchResult } from './search.type';

type SearchRow = {
  kind: SearchKind;
  score: number;
  hit: Record<string, unknown> & { id: string; name: string };
};

/** The Lucene query for `text` (its length checked at the edge: SearchArgs); BAD_USER_INPUT when it holds no word. */
function toSearchQuery(text: string): string {
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
  async search(@Args(() => SearchArgs) { text, kinds, first }: SearchArgs, @Ctx() { db }: Context): Promise<SearchResult[]> {
    const size = first ?? DEFAULT_SEARCH_SIZE;
    const query = toSearchQuery(text);
    const rows = await db.read<SearchRow>(SEARCH_HITS, { query, kinds: kinds?.length ? kinds : null, limit: int(size) });
    return rows.map(toSearchResult);
  }
}
