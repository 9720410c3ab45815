import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from './route';

describe('route', () => {
  it('reads each page from the hash', () => {
    expect(parseRoute('')).toEqual({ page: 'servers' });
    expect(parseRoute('#/clients')).toEqual({ page: 'clients' });
    expect(parseRoute('#/settings')).toEqual({ page: 'settings' });
    expect(parseRoute('#/servers/weather/logs')).toEqual({ page: 'server', serverId: 'weather', tab: 'logs' });
  });

  it('falls back to the overview for an unknown tab and to the servers for an unknown page', () => {
    expect(parseRoute('#/servers/weather/nope')).toEqual({ page: 'server', serverId: 'weather', tab: 'overview' });
    expect(parseRoute('#/elsewhere')).toEqual({ page: 'servers' });
  });

  it('round-trips through routeHref', () => {
    const routes: Route[] = [{ page: 'servers' }, { page: 'server', serverId: 'my-server', tab: 'settings' }, { page: 'clients' }, { page: 'settings' }];
    for (const route of routes) expect(parseRoute(routeHref(route))).toEqual(route);
  });
});
