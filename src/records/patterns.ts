/**
 * The shapes of the identifiers and bounded values every edge checks: GraphQL inputs (class-validator
 * `@Matches`/`@Min`/`@Max`), the importer's field rules and the questions' inputs all take them from
 * here, so that a rule and its wording are written once.
 */

/** Record ids: a letter or digit, then up to 63 of letters, digits and . _ : - */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/** An INSEE commune code: 5 digits, or Corsica's 2A/2B and 3 digits. */
export const COMMUNE_INSEE = /^(\d{5}|2[AB]\d{3})$/;
export const COMMUNE_INSEE_MESSAGE = 'communeInsee must be an INSEE code of 5 characters, e.g. "26362"';

/** The SIREN of an EPCI: 9 digits. */
export const EPCI_SIREN = /^\d{9}$/;
export const EPCI_SIREN_MESSAGE = 'epciSiren must be a SIREN of 9 digits, e.g. "200068781"';

/** A department code: 2 digits, Corsica's 2A/2B, or an overseas 97x. */
export const DEPARTMENT_CODE = /^(\d{2}|2[AB]|97\d)$/;
export const DEPARTMENT_CODE_MESSAGE = 'departmentCode must be a department code, e.g. "26"';

/** A SIRET's shape (its check digit is verified by isValidSiret). */
export const SIRET_DIGITS = /^\d{14}$/;

/** A calendar date as the API and the importer write it. */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Months are numbered 1 (January) to 12. */
export const FIRST_MONTH = 1;
export const LAST_MONTH = 12;

/** The largest radius a place filter ("near") or a local definition accepts, in km. */
export const MAX_SEARCH_RADIUS_KM = 1000;
