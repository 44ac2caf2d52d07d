export { GraphResolver } from './neighbourhood.resolver';
export { Graph, GraphEdge, GraphNode, GraphNodeKind, NeighbourhoodFilter } from './neighbourhood.type';
