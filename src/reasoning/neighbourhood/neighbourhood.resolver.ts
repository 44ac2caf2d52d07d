import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { int } from '../../db';
import { NotFoundError } from '../../errors';
import { NEIGHBOURHOOD, UNFILTERED_NEIGHBOURHOOD, type NeighbourhoodDepth } from './neighbourhood.cypher';
import { MAX_GRAPH_NODES, NeighbourhoodArgs } from './neighbourhood.input';
import { Graph, GraphEdge, GraphNode, GraphNodeKind } from './neighbourhood.type';

type NeighbourhoodRow = {
  nodes: Omit<GraphNode, 'kind'>[];
  edges: GraphEdge[];
  truncated: boolean;
};

@Resolver(() => Graph)
export class GraphResolver {
  @Query(() => Graph, {
    description:
      'The supply network around an actor, ready for a graph view: the actors within `depth` supply-link hops ' +
      '(links followed both ways, supplier → buyer and buyer → supplier) and the supply links between them. ' +
      'With a filter, the walk stays inside the filtered network (only matching links, only matching neighbours), ' +
      `so every node shown is connected to the centre by edges shown. At most ${MAX_GRAPH_NODES} nodes, nearest ` +
      'first (`truncated` says when some were left out). NOT_FOUND for an unknown actor. One database round trip.',
  })
  async neighbourhood(
    @Args(() => NeighbourhoodArgs) { actorId, depth, filter }: NeighbourhoodArgs,
    @Ctx() { db }: Context,
  ): Promise<Graph> {
    // The depth was checked at the edge (NeighbourhoodArgs): one of the statements' depths.
    const productId = filter?.productId ?? null;
    const organic = filter?.organic ?? null;
    // Without link filters, the statement without their subqueries (it plans several times faster).
    const statements = productId === null && organic === null ? UNFILTERED_NEIGHBOURHOOD : NEIGHBOURHOOD;
    const statement = statements[(depth ?? 1) as NeighbourhoodDepth];
    const [row] = await db.read<NeighbourhoodRow>(statement, {
      actorId,
      productId,
      organic,
      roles: filter?.roles?.length ? filter.roles : null,
      maxNodes: int(MAX_GRAPH_NODES),
    });
    if (!row) throw new NotFoundError('Actor', actorId);
    return {
      nodes: row.nodes.map((node) => ({ ...node, kind: GraphNodeKind.ACTOR })),
      edges: row.edges.map((edge) => ({ ...edge, distanceKm: Math.round(edge.distanceKm * 1000) / 1000 })),
      truncated: row.truncated,
    };
  }
}
