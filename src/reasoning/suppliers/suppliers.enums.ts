/** What "local" means in a supplier search: there is no legal definition, so the client chooses. */
export enum LocalScope {
  /** Within a great-circle radius of the buyer. */
  RADIUS = 'RADIUS',
  /** In the buyer's department. */
  DEPARTMENT = 'DEPARTMENT',
  /** In the buyer's department or a department bordering it. */
  DEPARTMENT_AND_NEIGHBOURS = 'DEPARTMENT_AND_NEIGHBOURS',
  /** In the buyer's EPCI (intercommunality). */
  EPCI = 'EPCI',
}

/** The part an actor plays on the path of a supplier match. */
export enum PathStepKind {
  SUPPLIER = 'SUPPLIER',
  INTERMEDIARY = 'INTERMEDIARY',
  BUYER = 'BUYER',
}
