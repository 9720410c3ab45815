import type { CoreParts, HandlersOf } from './core-parts';

/** The clients connected through the launcher's bridge. */
export function sessionHandlers(_parts: CoreParts): HandlersOf<'sessions.list'> {
  return {
    'sessions.list': async () => ({ sessions: [] }),
  };
}
