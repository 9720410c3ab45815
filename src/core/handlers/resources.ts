import { runningLists, type CoreParts, type HandlersOf } from './core-parts';

export function resourceHandlers(parts: CoreParts): HandlersOf<'resources.list' | 'resources.read'> {
  return {
    'resources.list': async ({ serverId }) => {
      const lists = runningLists(parts, serverId);
      return { resources: lists.resources, resourceTemplates: lists.resourceTemplates };
    },
    'resources.read': async ({ serverId, uri }) => parts.supervisorFor(parts.catalog.get(serverId).id).readResource(uri),
  };
}
