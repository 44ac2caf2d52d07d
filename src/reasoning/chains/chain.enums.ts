/** Which way a chain is followed from its root actor. */
export enum ChainDirection {
  /** Back to where the goods come from: the root's purchases, then their inputs (provenance). */
  UPSTREAM = 'UPSTREAM',
  /** On to where the goods go: the root's sales, then the links made or resold from them. */
  DOWNSTREAM = 'DOWNSTREAM',
}

/** Why a labelled chain breaks (label integrity). */
export enum IntegrityBreakKind {
  /** An input of the labelled goods does not carry the label although the label can apply to its product. */
  LABEL_LOST = 'LABEL_LOST',
  /** Legal organic only: an input of organic goods is animal feed without an organic label (organic livestock eat organic feed). */
  CONVENTIONAL_FEED = 'CONVENTIONAL_FEED',
  /** Legal organic only: an operator sells organic goods on a link without an Agence Bio number (no certification known). */
  UNCERTIFIED_OPERATOR = 'UNCERTIFIED_OPERATOR',
}

/** What a label-integrity check is asked about: the links sold by one actor, of one product, or from one territory. */
export enum IntegrityScopeKind {
  ACTOR = 'ACTOR',
  PRODUCT = 'PRODUCT',
  DEPARTMENT = 'DEPARTMENT',
  EPCI = 'EPCI',
}
