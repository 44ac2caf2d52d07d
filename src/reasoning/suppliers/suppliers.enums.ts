/** The part an actor plays on the path of a supplier match. */
export enum PathStepKind {
  SUPPLIER = 'SUPPLIER',
  INTERMEDIARY = 'INTERMEDIARY',
  BUYER = 'BUYER',
}
