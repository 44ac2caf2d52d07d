import { Max, Min, ValidateIf } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { BadUserInputError } from '../errors';
import type { Edge } from './connection.type';
import { encodeCursor } from './cursor';

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 20;

/** Items a relationship list field (an actor's offers, suppliers...) returns by default, and at most. */
export const DEFAULT_RELATED_ITEMS = 50;
export const MAX_RELATED_ITEMS = 200;

/**
 * The bound of a relationship list field, so that no legal query grows without limit: `first`
 * items, 50 by default, 200 at most. The batch queries never ship more than MAX_RELATED_ITEMS per
 * parent (`$max`); the resolver keeps the first `first`.
 */
@ArgsType()
export class RelatedItemsArgs {
  @Field(() => Int, {
    defaultValue: DEFAULT_RELATED_ITEMS,
    description: `The first n items (1 to ${MAX_RELATED_ITEMS}, default ${DEFAULT_RELATED_ITEMS}).`,
  })
  @Min(1, { message: `first must be between 1 and ${MAX_RELATED_ITEMS}` })
  @Max(MAX_RELATED_ITEMS, { message: `first must be between 1 and ${MAX_RELATED_ITEMS}` })
  first!: number;
}

/** Inputs of a supply link shown by default, and at most: provenance is read as a tree, so each level multiplies. */
export const DEFAULT_SOURCES = 10;
export const MAX_SOURCES = 50;

/** The bound of `SupplyLink.sourcedFrom`, lower than other relationships: it nests, level after level. */
@ArgsType()
export class SourcesArgs {
  @Field(() => Int, {
    defaultValue: DEFAULT_SOURCES,
    description: `The first n input links (1 to ${MAX_SOURCES}, default ${DEFAULT_SOURCES}).`,
  })
  @Min(1, { message: `first must be between 1 and ${MAX_SOURCES}` })
  @Max(MAX_SOURCES, { message: `first must be between 1 and ${MAX_SOURCES}` })
  first!: number;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page forward: the first n items after \`after\` (1 to ${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}).`,
  })
  @ValidateIf((_o, v) => v !== undefined && v !== null)
  @Min(1, { message: `first must be between 1 and ${MAX_PAGE_SIZE}` })
  @Max(MAX_PAGE_SIZE, { message: `first must be between 1 and ${MAX_PAGE_SIZE}` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the item to page forward from.' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Page backward: the last n items before \`before\` (1 to ${MAX_PAGE_SIZE}).` })
  @ValidateIf((_o, v) => v !== undefined && v !== null)
  @Min(1, { message: `last must be between 1 and ${MAX_PAGE_SIZE}` })
  @Max(MAX_PAGE_SIZE, { message: `last must be between 1 and ${MAX_PAGE_SIZE}` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the item to page backward from.' })
  before?: string | null;
}

export type Direction = 'forward' | 'backward';

export interface PageRequest {
  direction: Direction;
  size: number;
  cursor: string | null;
}

/** Reads Relay arguments; mixing directions is refused rather than guessed. */
export function toPageRequest(args: PageArgs): PageRequest {
  const backward = args.last != null || args.before != null;
  const forward = args.first != null || args.after != null;
  if (backward && forward) {
    throw new BadUserInputError('Give first/after to page forward or last/before to page backward, not both');
  }
  if (backward) return { direction: 'backward', size: args.last ?? DEFAULT_PAGE_SIZE, cursor: args.before ?? null };
  return { direction: 'forward', size: args.first ?? DEFAULT_PAGE_SIZE, cursor: args.after ?? null };
}

/**
 * Builds a connection from one page query that fetched `size + 1` rows in the query's direction:
 * the extra row only tells whether another page follows.
 */
export function toConnection<T>(
  rows: T[],
  page: PageRequest,
  order: string,
  keyOf: (item: T) => (string | number)[],
  totalCount: () => Promise<number>,
) {
  const hasMore = rows.length > page.size;
  const items = rows.slice(0, page.size);
  if (page.direction === 'backward') items.reverse();
  const edges: Edge<T>[] = items.map((node) => ({ node, cursor: encodeCursor({ order, key: keyOf(node) }) }));
  return {
    edges,
    nodes: items,
    pageInfo: {
      hasNextPage: page.direction === 'forward' ? hasMore : page.cursor !== null,
      hasPreviousPage: page.direction === 'backward' ? hasMore : page.cursor !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    // Resolvers read fields as plain properties: a getter keeps the count query lazy.
    get totalCount(): Promise<number> {
      return totalCount();
    },
  };
}
