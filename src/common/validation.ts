import { registerDecorator, validate, type ValidationArguments, type ValidationError } from 'class-validator';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors';

/**
 * Validation at the edge: class-validator on every input and args class (type-graphql runs
 * `validateInput` before any resolver), with two additions:
 *
 * - class-level rules (`@ExactlyOneOf`, `@AtLeastOneOf`, or any `registerClassRule`), which
 *   class-validator has no decorator for: a rule is attached to a non-enumerable getter on the
 *   class's prototype that returns the object itself, so class-validator runs it like a property
 *   rule (and on nested inputs through `@ValidateNested`) while the getter never shows in the
 *   object's keys or JSON;
 * - the error's message is the first problem's own message ("Give the buyer as exactly one of
 *   buyerId or place; got none"), not type-graphql's generic "Argument Validation Error", and the
 *   first problem's context (e.g. `{ field, max }`) is added to the extensions, as the services'
 *   BadUserInputError did before the rules moved here. `extensions.validationErrors` lists every
 *   problem, as before.
 */

/** The names of `fields` in words: "a, b or c". */
export function toAlternatives(fields: readonly string[]): string {
  return fields.length > 1 ? `${fields.slice(0, -1).join(', ')} or ${fields[fields.length - 1]}` : (fields[0] ?? '');
}

/** The fields of `object` among `fields` that hold a value (not null, not undefined), in `fields`' order. */
export function givenFields(object: object, fields: readonly string[]): string[] {
  return fields.filter((field) => (object as Record<string, unknown>)[field] != null);
}

/** What a rule's message receives: the fields given, among the fields the rule names. */
export type ClassRuleMessage = (given: string[], fields: readonly string[]) => string;

/**
 * Registers a rule on a whole input class: `check(object)` true when the object is valid. The rule
 * is reported under `property` in `validationErrors` (choose a name no field of the class has).
 */
export function registerClassRule(
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- class-validator's own type for a class
  target: Function,
  property: string,
  rule: { name: string; check: (object: object) => boolean; message: (object: object) => string; context?: object },
): void {
  if (!Object.prototype.hasOwnProperty.call(target.prototype, property)) {
    Object.defineProperty(target.prototype, property, {
      get(this: object) {
        return this;
      },
      enumerable: false,
      configurable: true,
    });
  }
  registerDecorator({
    name: rule.name,
    target,
    propertyName: property,
    options: { message: (args: ValidationArguments) => rule.message(args.object), context: rule.context },
    validator: { validate: (_value: unknown, args: ValidationArguments) => rule.check(args.object) },
  });
}

/** "Give exactly one of a, b or c; got none" (or "got a and b"). */
export const exactlyOneMessage =
  (what?: string): ClassRuleMessage =>
  (given, fields) =>
    `Give ${what ? `${what} as ` : ''}exactly one of ${toAlternatives(fields)}; got ${given.length === 0 ? 'none' : given.join(' and ')}`;

/**
 * Class decorator: exactly one of `fields` must hold a value (null counts as not given).
 * BAD_USER_INPUT otherwise, with `message(given, fields)` (default: exactlyOneMessage()).
 * Several on one class are checked in the order decorators apply: the one nearest the class first.
 */
export function ExactlyOneOf(fields: readonly string[], message: ClassRuleMessage = exactlyOneMessage()): ClassDecorator {
  return (target) => {
    registerClassRule(target, `exactlyOneOf(${fields.join('|')})`, {
      name: 'exactlyOneOf',
      check: (object) => givenFields(object, fields).length === 1,
      message: (object) => message(givenFields(object, fields), fields),
      context: { exactlyOneOf: fields },
    });
  };
}

/** Class decorator: at least one of `fields` must hold a value; BAD_USER_INPUT with `message` otherwise. */
export function AtLeastOneOf(fields: readonly string[], message: ClassRuleMessage): ClassDecorator {
  return (target) => {
    registerClassRule(target, `atLeastOneOf(${fields.join('|')})`, {
      name: 'atLeastOneOf',
      check: (object) => givenFields(object, fields).length > 0,
      message: (object) => message(givenFields(object, fields), fields),
      context: { atLeastOneOf: fields },
    });
  };
}

/**
 * Property decorator: a number from `min` to `max` (inclusive; a whole number when `whole`), or
 * null/absent. One rule with one message, so a client reads one sentence whatever is wrong
 * (a fraction, too small, too big). `message` receives the value; `context` joins the extensions.
 */
export function InRange(
  bounds: { min: number; max: number; whole?: boolean; minExclusive?: boolean },
  message: (value: unknown) => string,
  context?: object,
): PropertyDecorator {
  const { min, max, whole = false, minExclusive = false } = bounds;
  return (target, propertyName) => {
    registerDecorator({
      name: 'inRange',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [min, max],
      options: { message: (args: ValidationArguments) => message(args.value), context },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' &&
          Number.isFinite(value) &&
          (!whole || Number.isInteger(value)) &&
          (minExclusive ? value > min : value >= min) &&
          value <= max,
      },
    });
  };
}

/** The message of an empty or blank string, the same for every string field of the questions. */
export const notBlankMessage = (field: string, value: unknown) =>
  `${field} must not be empty or blank: give a value or leave the field out; got ${JSON.stringify(value)}`;

/**
 * Property decorator: a string (or each string of an array) holding something other than spaces,
 * or null/absent. An empty id or name would otherwise reach the graph and come back as a puzzling
 * NOT_FOUND for "" or a pattern message; every string field of the questions says the same instead.
 * Put it last (nearest the property) so it is checked before the field's other rules.
 */
export function NotBlank(): PropertyDecorator {
  const blank = (v: unknown) => typeof v === 'string' && v.trim().length === 0;
  return (target, propertyName) => {
    registerDecorator({
      name: 'notBlank',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: (args: ValidationArguments) =>
          notBlankMessage(args.property, Array.isArray(args.value) ? (args.value as unknown[]).find(blank) : args.value),
        context: { field: propertyName as string },
      },
      validator: { validate: (value: unknown) => (Array.isArray(value) ? !value.some(blank) : !blank(value)) },
    });
  };
}

/** The same as InRange, for every element of an array. */
export function EachInRange(bounds: { min: number; max: number; whole?: boolean }, message: (value: unknown) => string): PropertyDecorator {
  const { min, max, whole = false } = bounds;
  const bad = (v: unknown) => !(typeof v === 'number' && Number.isFinite(v) && (!whole || Number.isInteger(v)) && v >= min && v <= max);
  return (target, propertyName) => {
    registerDecorator({
      name: 'eachInRange',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [min, max],
      options: { message: (args: ValidationArguments) => message((args.value as unknown[]).find(bad)) },
      validator: { validate: (value: unknown) => Array.isArray(value) && !value.some(bad) },
    });
  };
}

/** The first problem, depth first: the one whose message the error carries. */
function firstIssue(issues: ValidationError[]): ValidationError | null {
  for (const issue of issues) {
    if (issue.constraints && Object.keys(issue.constraints).length > 0) return issue;
    const nested = firstIssue(issue.children ?? []);
    if (nested) return nested;
  }
  return null;
}

/** The error every rejected input becomes: BAD_USER_INPUT, the first problem's message and context, and every problem. */
export function toInputValidationError(issues: ValidationError[]): GraphQLError {
  const first = firstIssue(issues);
  const [constraint] = first ? Object.keys(first.constraints!) : [];
  const message = first ? first.constraints![constraint] : 'Invalid input';
  const context = (first?.contexts?.[constraint] ?? {}) as Record<string, unknown>;
  return new GraphQLError(message, { extensions: { ...context, code: ErrorCode.BAD_USER_INPUT, validationErrors: issues } });
}

const isValidatable = (value: unknown): value is object => value !== null && typeof value === 'object';

/**
 * type-graphql's `validateFn`: class-validator with the options type-graphql uses by default (absent
 * fields are left to their own `@IsDefined`, unknown objects allowed), on an argument object or
 * each object of an argument list; scalars pass (their rules live on an args class).
 */
export async function validateInput(argValue: unknown): Promise<void> {
  const objects = Array.isArray(argValue) ? argValue.filter(isValidatable) : isValidatable(argValue) ? [argValue] : [];
  for (const object of objects) {
    const key = knownValidKey(object);
    if (key !== null && knownValid.get(object.constructor)?.has(key)) continue;
    const issues = await validate(object, { skipMissingProperties: true, forbidUnknownValues: false });
    if (issues.length > 0) throw toInputValidationError(issues);
    if (key !== null) rememberValid(object.constructor, key);
  }
}

/**
 * Argument objects already found valid, by class and value. The rules are pure functions of the
 * value, and a list of 50 actors runs `offers(first: 50)` and `suppliers(first: 50)` 50 times
 * each: class-validator ran 100 times per page for the same two answers (issue 13, W3 profile).
 * Only small values are remembered, at most KNOWN_VALID_PER_CLASS per class; a refusal is never
 * remembered (it is rare, and its error is built each time).
 */
const knownValid = new WeakMap<object, Set<string>>();
const KNOWN_VALID_PER_CLASS = 256;
const KNOWN_VALID_MAX_LENGTH = 512;

function knownValidKey(object: object): string | null {
  const key = JSON.stringify(object);
  return key !== undefined && key.length <= KNOWN_VALID_MAX_LENGTH ? key : null;
}

/**
 * True when an argument object with this class and value was already found valid (validateInput):
 * a resolver that answers without type-graphql (src/prefetch answers a page's fields from its rows)
 * reuses that verdict instead of validating a second way, and lets type-graphql validate otherwise.
 */
export function isKnownValid(object: object): boolean {
  const key = knownValidKey(object);
  return key !== null && knownValid.get(object.constructor)?.has(key) === true;
}

function rememberValid(constructor: object, key: string): void {
  let keys = knownValid.get(constructor);
  if (!keys) knownValid.set(constructor, (keys = new Set()));
  if (keys.size >= KNOWN_VALID_PER_CLASS) keys.delete(keys.values().next().value!);
  keys.add(key);
}
