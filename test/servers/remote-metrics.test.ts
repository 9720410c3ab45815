import { afterEach, describe, expect, it } from 'vitest';
import { startFakeGitHub } from '../support/fake-github';
import { sendJson } from '../support/fake-http';
import { githubEnv } from './fixtures/github-harness';
import { OCTOCAT_TOKEN } from './fixtures/github-data';
import { startHttpServerProcess, type HttpServerProcess } from './fixtures/http-server-process';
import { connectRemote, fetchMetrics, type RemoteClient } from './fixtures/remote-client';
import { openMeteoHandler, startFakeOpenMeteo, weatherEnv } from './fixtures/weather-fake-open-meteo';

const KEY = 'metrics-key-7b1e4c9a0d3f2e68';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve(id: 'weather' | 'github', env: Record<string, string>): Promise<{ server: HttpServerProcess; client: RemoteClient }> {
  const server = await startHttpServerProcess(id, { ...env, MCP_AUTH_TOKENS: `ci:${KEY}` });
  cleanups.push(() => server.stop());
  const client = await connectRemote(server.url, KEY);
  cleanups.push(() => client.close());
  return { server, client };
}

/** The value of one sample, or 0 when the series does not exist yet. */
function sample(body: string, series: string): number {
  const line = body.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('upstream and cache metrics over HTTP', { timeout: 60_000 }, () => {
  it('counts the weather server\'s upstream requests by status class and its cache hits and misses', async () => {
    const upstream = await startFakeOpenMeteo((request, response) => {
      // One place whose forecast fails, so a 5xx series appears beside the 2xx one.
      if (request.url.searchParams.get('latitude') === '10') return sendJson(response, 503, { error: true, reason: 'down' });
      return openMeteoHandler(request, response);
    });
    cleanups.push(() => upstream.close());
    const { server, client } = await serve('weather', weatherEnv(upstream, { WEATHER_RETRIES: '1' }));

    expect((await client.call('get_weather', { location: '52.52,13.41' })).isError ?? false).toBe(false);
    expect((await client.call('get_weather', { location: '52.52,13.41' })).isError ?? false).toBe(false);
    expect((await client.call('get_weather', { location: '10,10' })).isError).toBe(true);
    expect((await client.call('search_locations', { query: 'Paris' })).isError ?? false).toBe(false);

    const body = await fetchMetrics(server.url, KEY);
    expect(sample(body, 'mcp_upstream_requests_total{upstream="open-meteo-forecast",status="2xx",server="weather"}')).toBe(1);
    // The failing place was tried twice (WEATHER_RETRIES=1), and each attempt is a request.
    expect(sample(body, 'mcp_upstream_requests_total{upstream="open-meteo-forecast",status="5xx",server="weather"}')).toBe(2);
    expect(sample(body, 'mcp_upstream_requests_total{upstream="open-meteo-geocoding",status="2xx",server="weather"}')).toBe(1);
    expect(sample(body, 'mcp_cache_lookups_total{cache="current-forecast",result="miss",server="weather"}')).toBe(2);
    expect(sample(body, 'mcp_cache_lookups_total{cache="current-forecast",result="hit",server="weather"}')).toBe(1);
    expect(sample(body, 'mcp_cache_lookups_total{cache="place-search",result="miss",server="weather"}')).toBe(1);
    expect(upstream.forecastRequests()).toHaveLength(3);
    expect(body).not.toContain('Paris');
    expect(body).not.toContain('52.52');
    expect(body).not.toContain(upstream.url);
  });

  it('counts the GitHub server\'s requests by status class, without repositories or the token in any label', async () => {
    const fake = await startFakeGitHub();
    cleanups.push(() => fake.close());
    const { server, client } = await serve('github', githubEnv(fake));

    expect((await client.call('get_me', {})).isError ?? false).toBe(false);
    const missing = await client.call('list_commits', { owner: 'octocat', repo: 'no-such-repository' });
    expect(missing.isError).toBe(true);
    expect(fake.requestsTo(/no-such-repository/)).toHaveLength(1);

    const body = await fetchMetrics(server.url, KEY);
    expect(sample(body, 'mcp_upstream_requests_total{upstream="github",status="2xx",server="github"}')).toBe(1);
    expect(sample(body, 'mcp_upstream_requests_total{upstream="github",status="4xx",server="github"}')).toBe(1);
    expect(body).not.toContain('no-such-repository');
    expect(body).not.toContain('octocat');
    expect(body).not.toContain(OCTOCAT_TOKEN);
    expect(body).not.toContain(KEY);
  });
});
