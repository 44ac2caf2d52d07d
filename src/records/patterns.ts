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

/** How a record id is described: in an importer's "(expected ...)" and in a GraphQL input's message. */
export const ID_EXPECTED = 'an identifier of 1 to 64 letters, digits, ".", "_", ":" or "-", starting with a letter or digit';
export const ID_MESSAGE = '$property must be 1 to 64 letters, digits, ".", "_", ":" or "-", starting with a letter or digit';

/** The longest key a record may name (a product, label, commune, EPCI or actor), in characters. */
export const MAX_KEY_LENGTH = 64;

/** SIRETs as the importer and the mutations check them (records/siret.ts). */
export const SIRET_EXPECTED = '14 digits with a valid Luhn check digit';

/** How a month is described, and the message of every months-list check (offers and needs). */
export const MONTH_EXPECTED = `a whole number from ${FIRST_MONTH} (January) to ${LAST_MONTH} (December)`;
export const MONTH_MESSAGE = `each month must be ${MONTH_EXPECTED}`;

/** How a date is described (ISO_DATE, naming a day that exists). */
export const DATE_EXPECTED = 'a date written YYYY-MM-DD, such as 2021-09-01';
export const DATE_MESSAGE = `$property must be ${DATE_EXPECTED}`;

/** An offer delivers within at most this many km of its actor. */
export const MAX_DELIVERY_RADIUS_KM = 500;
export const DELIVERY_RADIUS_MESSAGE = `deliveryRadiusKm must be from 0 to ${MAX_DELIVERY_RADIUS_KM}`;

/** Lengths of an actor's free-text fields, in characters. */
export const MAX_NAME_LENGTH = 200;
export const MAX_AGENCE_BIO_NUMBER_LENGTH = 32;
export const MAX_DESCRIPTION_LENGTH = 2000;

/** WGS-84 bounds of a point: written once, beside the GraphQL point input. */
export { LATITUDE_RANGE, LONGITUDE_RANGE } from '../common';
