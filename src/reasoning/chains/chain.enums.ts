/** Which way a chain is followed from its root actor. */
export enum ChainDirection {
  /** Back to where the goods come from: the root's purchases, then their inputs (provenance). */
  UPSTREAM = 'UPSTREAM',
  /** On to where the goods go: the root's sales, then the links made or resold from them. */
  DOWNSTREAM = 'DOWNSTREAM',
}

/** What a label-integrity check is asked about: the links sold by one actor, of one product, or from one territory. */
export enum IntegrityScopeKind {
  ACTOR = 'ACTOR',
  PRODUCT = 'PRODUCT',
  DEPARTMENT = 'DEPARTMENT',
  EPCI = 'EPCI',
}
