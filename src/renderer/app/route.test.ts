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

  it('keeps the chosen tool, prompt or resource in the address, a URI with its slashes in one part', () => {
    expect(parseRoute('#/servers/weather/tools/get_forecast')).toEqual({ page: 'server', serverId: 'weather', tab: 'tools', item: 'get_forecast' });
    const readme = { page: 'server', serverId: 'github', tab: 'resources', item: 'github://repos/{owner}/{repo}/readme' } as const;
    expect(routeHref(readme)).toBe('#/servers/github/resources/github%3A%2F%2Frepos%2F%7Bowner%7D%2F%7Brepo%7D%2Freadme');
    expect(parseRoute(routeHref(readme))).toEqual(readme);
    // Only the tabs that list entries take one.
    expect(parseRoute('#/servers/weather/logs/anything')).toEqual({ page: 'server', serverId: 'weather', tab: 'logs' });
  });

  it('keeps the call whose messages are shown in the address of the Messages tab', () => {
    const route = { page: 'server', serverId: 'weather', tab: 'messages', item: 'call-1' } as const;
    expect(parseRoute(routeHref(route))).toEqual(route);
    expect(parseRoute('#/servers/weather/messages')).toEqual({ page: 'server', serverId: 'weather', tab: 'messages' });
  });

  it('round-trips through routeHref', () => {
    const routes: Route[] = [{ page: 'servers' }, { page: 'server', serverId: 'my-server', tab: 'settings' }, { page: 'server', serverId: 'my-server', tab: 'prompts', item: 'greet' }, { page: 'clients' }, { page: 'settings' }];
    for (const route of routes) expect(parseRoute(routeHref(route))).toEqual(route);
  });
});
