import { BadUserInputError } from '../errors';

/**
 * Keyset cursors: the sort key of an item (e.g. [name, id]) and the ordering it belongs to, as
 * opaque base64url JSON. A cursor names a position in the order, not an offset, so it stays valid
 * when earlier items are inserted or deleted, and the next page starts with an index seek.
 */
export interface CursorPayload {
  /** The ordering ("name", "distance:<origin>", ...): a cursor is only valid in the same one. */
  order: string;
  key: (string | number)[];
}

export function encodeCursor(payload: CursorPayload): string {
  return Buffer.from(JSON.stringify([payload.order, payload.key]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, expectedOrder: string): (string | number)[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (!Array.isArray(parsed) || typeof parsed[0] !== 'string' || !Array.isArray(parsed[1])) {
    throw new BadUserInputError(`Invalid cursor ${JSON.stringify(cursor)}: pass a cursor returned by this connection`, { cursor });
  }
  if (parsed[0] !== expectedOrder) {
    throw new BadUserInputError(
      'This cursor belongs to another ordering or origin: page with the same sort and distance origin as the query that returned it',
      { cursor },
    );
  }
  return parsed[1] as (string | number)[];
}
