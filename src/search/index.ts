export { SearchResolver } from './search.resolver';
export { SearchHit, SearchKind, SearchResult } from './search.type';

export { SEARCH_SCHEMA } from './search.cypher';
