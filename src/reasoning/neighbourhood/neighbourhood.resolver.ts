import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { int } from '../../db';
import { BadUserInputError, NotFoundError } from '../../errors';
import { MAX_NEIGHBOURHOOD_DEPTH, NEIGHBOURHOOD, type NeighbourhoodDepth } from './neighbourhood.cypher';
import { Graph, GraphEdge, GraphNode, GraphNodeKind, NeighbourhoodFilter } from './neighbourhood.type';

/** Most nodes a graph view receives: beyond a few hundred, force layouts in a browser stop being readable or fast. */
export const MAX_GRAPH_NODES = 500;

type NeighbourhoodRow = {
  nodes: Omit<GraphNode, 'kind'>[];
  edges: GraphEdge[];
  truncated: boolean;
};

/** The depth as one of the statements' depths; BAD_USER_INPUT outside 1..MAX_NEIGHBOURHOOD_DEPTH. */
function toDepth(depth: number | null): NeighbourhoodDepth {
  const value = depth ?? 1;
  if (value < 1 || value > MAX_NEIGHBOURHOOD_DEPTH) {
    throw new BadUserInputError(`depth must be between 1 and ${MAX_NEIGHBOURHOOD_DEPTH} (the maximum); got ${value}`, {
      depth: value,
      maxDepth: MAX_NEIGHBOURHOOD_DEPTH,
    });
  }
  return value as NeighbourhoodDepth;
}

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
    @Arg('actorId', () => String, { description: 'Id of the actor at the centre.' }) actorId: string,
    @Arg('depth', () => Int, { nullable: true, defaultValue: 1, description: `Hops from the centre, 1 to ${MAX_NEIGHBOURHOOD_DEPTH}.` })
    depth: number | null,
    @Arg('filter', () => NeighbourhoodFilter, { nullable: true, description: 'Restricts the links followed and the neighbours shown.' })
    filter: NeighbourhoodFilter | null | undefined,
    @Ctx() { db }: Context,
  ): Promise<Graph> {
    const statement = NEIGHBOURHOOD[toDepth(depth)];
    const [row] = await db.read<NeighbourhoodRow>(statement, {
      actorId,
      productId: filter?.productId ?? null,
      organic: filter?.organic ?? null,
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
