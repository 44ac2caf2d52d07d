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

/** The type of each position of a cursor's key; `number?` also takes null (a missing volume). */
export type CursorKeyKind = 'string' | 'number' | 'number?';

/** Longer than any cursor we hand out: a longer one is forged, and is not decoded (nor echoed). */
const MAX_CURSOR_CHARS = 1000;

function fitsKind(value: unknown, kind: CursorKeyKind): boolean {
  if (kind === 'string') return typeof value === 'string';
  if (kind === 'number?' && value === null) return true;
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * Reads a cursor of the ordering `expectedOrder` whose key has the kinds `shape`. A cursor that
 * is not ours (garbled, forged with other types or lengths, or too long) is BAD_USER_INPUT before
 * it reaches a query, where a wrong type would fail as an internal error.
 */
export function decodeCursor(cursor: string, expectedOrder: string, shape: CursorKeyKind[]): (string | number)[] {
  let parsed: unknown = null;
  if (cursor.length <= MAX_CURSOR_CHARS) {
    try {
      parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    } catch {
      parsed = null;
    }
  }
  const shown = cursor.length > 40 ? `${cursor.slice(0, 40)}…` : cursor;
  if (!Array.isArray(parsed) || typeof parsed[0] !== 'string' || !Array.isArray(parsed[1])) {
    throw new BadUserInputError(`Invalid cursor ${JSON.stringify(shown)}: pass a cursor returned by this connection`);
  }
  // The ordering first: a cursor of another sort has another key shape, and deserves this message.
  if (parsed[0] !== expectedOrder) {
    throw new BadUserInputError(
      'This cursor belongs to another ordering or origin: page with the same sort and distance origin as the query that returned it',
    );
  }
  const key: unknown[] = parsed[1];
  if (key.length !== shape.length || !key.every((value, i) => fitsKind(value, shape[i]))) {
    throw new BadUserInputError(`Invalid cursor ${JSON.stringify(shown)}: pass a cursor returned by this connection`);
  }
  return parsed[1] as (string | number)[];
}
