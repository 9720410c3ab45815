import type { CoreParts, HandlersOf } from './core-parts';

export function logHandlers(parts: CoreParts): HandlersOf<'logs.query' | 'logs.storage'> {
  return {
    'logs.query': async (query) => {
      if (query.serverId) parts.catalog.get(query.serverId);
      return { entries: parts.logs.query(query) };
    },
    'logs.storage': async ({ serverId }) => parts.logs.storageOf(parts.catalog.get(serverId).id),
  };
}
