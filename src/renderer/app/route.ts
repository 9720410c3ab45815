/**
 * Where the window is, kept in the URL hash: it works under file:// (Electron) and next to the
 * headless host's ?token= query alike, and the back/forward keys just work.
 */

export const SERVER_TABS = ['overview', 'tools', 'resources', 'prompts', 'logs', 'settings'] as const;
export type ServerTab = (typeof SERVER_TABS)[number];

export type Route =
  | { page: 'servers' }
  | { page: 'server'; serverId: string; tab: ServerTab }
  | { page: 'clients' }
  | { page: 'settings' };

function isServerTab(value: string | undefined): value is ServerTab {
  return value !== undefined && (SERVER_TABS as readonly string[]).includes(value);
}

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter((part) => part !== '').map(decodeURIComponent);
  const [page, serverId, tab] = parts;
  if (page === 'clients') return { page: 'clients' };
  if (page === 'settings') return { page: 'settings' };
  if (page === 'servers' && serverId) return { page: 'server', serverId, tab: isServerTab(tab) ? tab : 'overview' };
  return { page: 'servers' };
}

export function routeHref(route: Route): string {
  switch (route.page) {
    case 'servers':
      return '#/servers';
    case 'server':
      return `#/servers/${encodeURIComponent(route.serverId)}/${route.tab}`;
    case 'clients':
      return '#/clients';
    case 'settings':
      return '#/settings';
  }
}
