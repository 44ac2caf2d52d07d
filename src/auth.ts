import type { Context, Viewer } from './context';
import { ForbiddenError } from './errors';

/**
 * Throws FORBIDDEN unless the viewer may change the graph. Every mutation calls it first, so that
 * authorization lands in one place.
 */
export function ensureCanWrite(ctx: Pick<Context, 'viewer'>): void {
  if (!mayWrite(ctx.viewer)) throw new ForbiddenError('Changing the graph needs an editor account');
}

/**
 * Today everyone may write: authentication is not built, so the viewer is always null. When it
 * lands, roles are checked here (e.g. `viewer?.roles.includes('EDITOR') ?? false`).
 */
function mayWrite(_viewer: Viewer | null): boolean {
  return true;
}
