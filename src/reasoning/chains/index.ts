export { ChainResolver } from './chain.resolver';
export { ChainDirection, IntegrityBreakKind } from './chain.enums';
export { BrokenChain, ChainEdge, ChainGraph, ChainNode, IntegritySummary, LabelIntegrityReport } from './chain.type';
export { IntegrityScopeInput } from './chain.input';
export { CHAIN, DEFAULT_CHAIN_DEPTH, LABEL_INTEGRITY, MAX_CHAIN_DEPTH } from './chain.cypher';
export { IntegrityScopeKind } from './chain.enums';
