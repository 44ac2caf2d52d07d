export { GraphResolver } from './neighbourhood.resolver';
export { Graph, GraphEdge, GraphNode, GraphNodeKind, NeighbourhoodFilter } from './neighbourhood.type';
export { MAX_GRAPH_NODES } from './neighbourhood.input';
export { MAX_NEIGHBOURHOOD_DEPTH, NEIGHBOURHOOD } from './neighbourhood.cypher';
