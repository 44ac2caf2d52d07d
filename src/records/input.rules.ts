import { ArrayMaxSize, ArrayMinSize, IsDefined, IsOptional, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import {
  DATE_MESSAGE,
  DELIVERY_RADIUS_MESSAGE,
  FIRST_MONTH,
  ID_MESSAGE,
  ID_PATTERN,
  ISO_DATE,
  LAST_MONTH,
  MAX_DELIVERY_RADIUS_KM,
  MAX_KEY_LENGTH,
  MONTH_MESSAGE,
} from './patterns';

/**
 * Validators shared by the entity inputs of the mutations (actor, offer, need, supply link). They
 * check shapes and ranges at the edge, with the patterns, bounds and wording of patterns.ts; the
 * record rules (validateRows) then check the record against the graph in the mutation engine.
 */

/** A new record's id, as the importer accepts ids. */
export function IsRecordId(): PropertyDecorator {
  return Matches(ID_PATTERN, { message: ID_MESSAGE });
}

/** A key naming another record or reference data (actor, product, commune...): at most 64 characters. */
export function IsRecordKey(): PropertyDecorator {
  return MaxLength(MAX_KEY_LENGTH);
}

/** A calendar date written YYYY-MM-DD (whether the day exists is a record rule). */
export function IsIsoDate(): PropertyDecorator {
  return Matches(ISO_DATE, { message: DATE_MESSAGE });
}

/** An optional delivery radius, 0 to MAX_DELIVERY_RADIUS_KM. */
export function OptionalDeliveryRadius(): PropertyDecorator {
  return allOf(
    IsOptional(),
    Min(0, { message: DELIVERY_RADIUS_MESSAGE }),
    Max(MAX_DELIVERY_RADIUS_KM, { message: DELIVERY_RADIUS_MESSAGE }),
  );
}

/**
 * For fields of an update input that the record cannot lack (a name, a product): left out, the
 * field keeps its value and is not validated; null is refused. Put it above the field's other
 * validators, which then run only on given values.
 */
export function KeptWhenLeftOut(): PropertyDecorator {
  return allOf(
    ValidateIf((_object, value) => value !== undefined),
    IsDefined({ message: '$property cannot be null: leave it out to keep the current value' }),
  );
}

/** An optional list of months (offers and needs); `whenLeftOut` tells how to say "all year" in this input. */
export function OptionalMonths(whenLeftOut: string): PropertyDecorator {
  return allOf(
    IsOptional(),
    ArrayMinSize(1, { message: `months must list at least one month; ${whenLeftOut}` }),
    ArrayMaxSize(LAST_MONTH - FIRST_MONTH + 1),
    Min(FIRST_MONTH, { each: true, message: MONTH_MESSAGE }),
    Max(LAST_MONTH, { each: true, message: MONTH_MESSAGE }),
  );
}

/** An optional list of at most `maxItems` references (label ids, INSEE codes, SIRENs, link ids). */
export function OptionalIdList(maxItems: number): PropertyDecorator {
  return allOf(IsOptional(), ArrayMaxSize(maxItems), MaxLength(MAX_KEY_LENGTH, { each: true }));
}

/** A volume, capacity or price: at least 0. */
export function AtLeastZero(): PropertyDecorator {
  return Min(0, { message: '$property must be at least 0' });
}

/** One decorator applying all of `decorators`, for rules several fields or inputs share. */
export function allOf(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => {
    for (const decorate of decorators) decorate(target, key);
  };
}
