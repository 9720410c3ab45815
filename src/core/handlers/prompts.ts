import { runningLists, type CoreParts, type HandlersOf } from './core-parts';

export function promptHandlers(parts: CoreParts): HandlersOf<'prompts.list' | 'prompts.get'> {
  return {
    'prompts.list': async ({ serverId }) => ({ prompts: runningLists(parts, serverId).prompts }),
    'prompts.get': async ({ serverId, name, arguments: args }) => parts.supervisorFor(parts.catalog.get(serverId).id).getPrompt(name, args),
  };
}
