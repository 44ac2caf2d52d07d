import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { isKnownValid, RelatedItemsArgs } from '../common';

/**
 * Answering a prefetched page's relationship fields from its rows (issue 13, W3).
 *
 * The page statement already holds each actor's commune, offers (their product and labels) and
 * partners. Read through the primed loaders, every one of those ~700 fields of a page of 50 still
 * went through type-graphql's argument validation (always asynchronous), a DataLoader promise and
 * graphql-js' asynchronous completion: a promise or three per field, and the garbage they make, for
 * values that were already there. Here the page keeps each object's values under a symbol, and the
 * fields below answer from them synchronously: graphql-js then completes the whole page without a
 * promise. Anything not kept (another object, an argument not yet known valid) runs the field's own
 * resolver, unchanged.
 *
 * Only fields without an access rule are answered here (checked at start by `answerFromRows`): a
 * private field always runs its rule.
 */
const ROW_VALUES = Symbol('rowValues');

/** The values of an object's relationship fields, by field name, as its page statement returned them. */
export type RowValues = Record<string, unknown>;

/** Keeps the row's values of `root`'s relationship fields, for the fields of ANSWERED_FROM_ROW. */
export function keepRowValues(root: object, values: RowValues): void {
  (root as { [ROW_VALUES]?: RowValues })[ROW_VALUES] = values;
}

/** Returned by an answer that cannot be given from the row: the field's resolver runs instead. */
const NOT_IN_ROW = Symbol('notInRow');

/** How a field answers from the value its row kept, with the field's arguments. */
type FromRow = (kept: unknown, args: Record<string, unknown>) => unknown;

/** `first` of RelatedItemsArgs, when this value was already found valid (else type-graphql validates it). */
function validFirst(args: Record<string, unknown>): number | null {
  const related = Object.assign(new RelatedItemsArgs(), args);
  return isKnownValid(related) ? related.first : null;
}

const whole: FromRow = (kept) => kept;

const firstItems: FromRow = (kept, args) => {
  const first = validFirst(args);
  return first === null ? NOT_IN_ROW : (kept as unknown[]).slice(0, first);
};

/** The fields answered from the row, by type: each reads what its resolver would return (same order, same bound). */
export const ANSWERED_FROM_ROW: Record<string, Record<string, FromRow>> = {
  Actor: { commune: whole, offers: firstItems, suppliers: firstItems, customers: firstItems },
  Offer: { product: whole, labels: whole },
};

function answeringFromRow(
  field: string,
  fromRow: FromRow,
  resolve: GraphQLFieldResolver<unknown, unknown>,
): GraphQLFieldResolver<unknown, unknown> {
  return (root, args, ctx, info) => {
    const kept = (root as { [ROW_VALUES]?: RowValues } | null)?.[ROW_VALUES];
    if (kept !== undefined && field in kept) {
      const answer = fromRow(kept[field], args);
      if (answer !== NOT_IN_ROW) return answer;
    }
    return resolve(root, args, ctx, info);
  };
}

/**
 * Wraps the resolvers of ANSWERED_FROM_ROW's fields in `schema` (in place). `hasAccessRule(type,
 * field)` says whether a field declares one: such a field is refused here, so that no rule is ever
 * bypassed.
 */
export function answerFromRows(schema: GraphQLSchema, hasAccessRule: (type: string, field: string) => boolean): GraphQLSchema {
  for (const [typeName, fields] of Object.entries(ANSWERED_FROM_ROW)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`answerFromRows: no object type ${typeName}`);
    for (const [name, fromRow] of Object.entries(fields)) {
      const field = type.getFields()[name];
      if (!field?.resolve) throw new Error(`answerFromRows: ${typeName}.${name} has no resolver`);
      if (hasAccessRule(typeName, name)) throw new Error(`answerFromRows: ${typeName}.${name} has an access rule`);
      field.resolve = answeringFromRow(name, fromRow, field.resolve);
    }
  }
  return schema;
}
