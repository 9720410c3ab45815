import type { CoreParts, HandlersOf } from './core-parts';

export function clientHandlers(parts: CoreParts): HandlersOf<'clients.list' | 'clients.preview' | 'clients.register' | 'clients.unregister' | 'clients.repair'> {
  return {
    'clients.list': async () => parts.clients().list(),
    'clients.preview': async (input) => parts.clients().preview(input),
    'clients.register': async (input) => parts.clients().register(input),
    'clients.unregister': async (input) => parts.clients().unregister(input),
    'clients.repair': async (input) => parts.clients().repair(input),
  };
}
