import { Field, Int, ObjectType, type ClassType } from 'type-graphql';

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'More items follow the last edge (in the order of the query).' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'More items precede the first edge.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge.' })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/**
 * A Relay connection of `T`. `totalCount` is resolved by the connection's resolver, and only when
 * a client asks for it, since counting costs a scan that paging does not.
 */
export function Connection<T extends object>(NodeClass: ClassType<T>, name: string, description: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with its cursor.` })
  class EdgeClass implements Edge<T> {
    @Field(() => String, { description: 'Opaque cursor: pass it as `after` or `before`. It stays valid when other items change.' })
    cursor!: string;

    @Field(() => NodeClass)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description })
  class ConnectionClass {
    @Field(() => [EdgeClass])
    edges!: EdgeClass[];

    @Field(() => [NodeClass], { description: 'The nodes of `edges`, for clients that need no cursors.' })
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    // A getter on the page object (see toConnection): reading it runs the count query, so only selected counts cost.
    @Field(() => Int, { description: 'Items matching the filters, all pages together (computed only when asked for).' })
    totalCount!: Promise<number>;
  }
  return ConnectionClass;
}
