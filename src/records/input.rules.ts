import { ArrayMaxSize, ArrayMinSize, IsDefined, IsOptional, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { ID_PATTERN } from '../import/validate';

/**
 * Validators shared by the create and update inputs. They check shapes and ranges at the edge;
 * the importer's rules (validateRows) then check the record against the graph in the resolver.
 */

/** The message of every months-list check (offers and needs). */
export const MONTH_MESSAGE = 'each month must be a whole number from 1 (January) to 12 (December)';

/** A new record's id, as the importer accepts ids. */
export function IsRecordId(): PropertyDecorator {
  return Matches(ID_PATTERN, { message: '$property must be 1 to 64 letters, digits, ".", "_", ":" or "-", starting with a letter or digit' });
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
    ArrayMaxSize(12),
    Min(1, { each: true, message: MONTH_MESSAGE }),
    Max(12, { each: true, message: MONTH_MESSAGE }),
  );
}

/** An optional list of at most `maxItems` references (label ids, INSEE codes, SIRENs, link ids). */
export function OptionalIdList(maxItems: number): PropertyDecorator {
  return allOf(IsOptional(), ArrayMaxSize(maxItems), MaxLength(64, { each: true }));
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
