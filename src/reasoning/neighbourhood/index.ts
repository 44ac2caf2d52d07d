export { GraphResolver } from './neighbourhood.resolver';
export { Graph, GraphEdge, GraphNode, GraphNodeKind } from './neighbourhood.type';
export { MAX_GRAPH_NODES, NeighbourhoodFilter } from './neighbourhood.input';
export { MAX_NEIGHBOURHOOD_DEPTH, NEIGHBOURHOOD, UNFILTERED_NEIGHBOURHOOD } from './neighbourhood.cypher';
