export { ChainResolver } from './chain.resolver';
export { ChainDirection } from './chain.enums';
export { BrokenChain, ChainEdge, ChainGraph, ChainNode, IntegritySummary, LabelIntegrityReport } from './chain.type';
export { IntegrityScopeInput } from './chain.input';
export { DEFAULT_CHAIN_DEPTH, MAX_CHAIN_DEPTH } from './chain.cypher';
