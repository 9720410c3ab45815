/**
 * Where the window is, kept in the URL hash: it works under file:// (Electron) and next to the
 * headless host's ?token= query alike, and the back/forward keys just work.
 */

const SERVER_TABS = ['overview', 'tools', 'resources', 'prompts', 'logs', 'messages', 'clients', 'changes', 'settings'] as const;
export type ServerTab = (typeof SERVER_TABS)[number];

export type Route =
  | { page: 'servers' }
  /** item: the chosen tool or prompt name, or resource URI (or URI template), on the tabs that list them; on messages, a call id to filter by. */
  | { page: 'server'; serverId: string; tab: ServerTab; item?: string }
  | { page: 'clients' }
  | { page: 'settings' };

/** The tabs whose chosen entry is part of the address, for a deep link and for Back. */
const TABS_WITH_ITEMS: readonly ServerTab[] = ['tools', 'resources', 'prompts', 'messages'];

function isServerTab(value: string | undefined): value is ServerTab {
  return value !== undefined && (SERVER_TABS as readonly string[]).includes(value);
}

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter((part) => part !== '').map(decodeURIComponent);
  const [page, serverId, tab, item] = parts;
  if (page === 'clients') return { page: 'clients' };
  if (page === 'settings') return { page: 'settings' };
  if (page === 'servers' && serverId) {
    if (!isServerTab(tab)) return { page: 'server', serverId, tab: 'overview' };
    return item !== undefined && TABS_WITH_ITEMS.includes(tab) ? { page: 'server', serverId, tab, item } : { page: 'server', serverId, tab };
  }
  return { page: 'servers' };
}

export function routeHref(route: Route): string {
  switch (route.page) {
    case 'servers':
      return '#/servers';
    case 'server':
      return `#/servers/${encodeURIComponent(route.serverId)}/${route.tab}${route.item === undefined ? '' : `/${encodeURIComponent(route.item)}`}`;
    case 'clients':
      return '#/clients';
    case 'settings':
      return '#/settings';
  }
}
