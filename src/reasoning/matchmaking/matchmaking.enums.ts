/** How far existing supply links cover a need. */
export enum NeedCoverage {
  /** No supply link to the buyer is of the product (or a narrower one) with the required labels. */
  UNMET = 'UNMET',
  /** Such links exist, but their volume in the need's unit is below the need's volume. */
  PARTIAL = 'PARTIAL',
  /** Such links bring at least the need's volume. */
  COVERED = 'COVERED',
}
