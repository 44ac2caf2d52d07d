import { IsDefined, Matches, ValidateIf } from 'class-validator';
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
  const skipWhenLeftOut = ValidateIf((_object, value) => value !== undefined);
  const notNull = IsDefined({ message: '$property cannot be null: leave it out to keep the current value' });
  return (target, key) => {
    skipWhenLeftOut(target, key);
    notNull(target, key);
  };
}
