export { GraphResolver } from './graph.resolver';
export { Graph, GraphEdge, GraphNode, GraphNodeKind, NeighbourhoodFilter } from './graph.type';
