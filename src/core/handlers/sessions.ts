import type { CoreParts, HandlersOf } from './core-parts';

/** The clients connected through the launcher's bridge. */
export function sessionHandlers(parts: CoreParts): HandlersOf<'sessions.list'> {
  return {
    'sessions.list': async ({ serverId }) => ({ sessions: parts.sessions(serverId === undefined ? undefined : parts.catalog.get(serverId).id) }),
  };
}
