/**
 * Shared building blocks of the GraphQL edge. (Being built up by the restructuring: other modules of
 * src/common/ are still imported by path.)
 */
export {
  AtLeastOneOf,
  EachInRange,
  ExactlyOneOf,
  exactlyOneMessage,
  givenFields,
  InRange,
  registerClassRule,
  toAlternatives,
  toInputValidationError,
  validateInput,
  type ClassRuleMessage,
} from './validation';
export { GeoPoint, GeoPointInput } from './geo.type';
