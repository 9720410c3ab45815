import { describe, expect, it } from 'vitest';
import { apiKeyCaller, oauthCaller } from './caller';
import { ServerMetrics } from './server-metrics';

describe('ServerMetrics', () => {
  it('counts calls by tool, outcome and key name, times them, and tracks calls in flight', async () => {
    const metrics = new ServerMetrics('weather');
    const done = metrics.toolCallStarted('get_weather', apiKeyCaller('ci'));
    expect((await metrics.exposition()).body).toMatch(/mcp_tool_calls_in_flight\{server="weather"\} 1/);
    done('ok');
    done('error');
    metrics.toolCallStarted('get_weather', apiKeyCaller('ci'))('rate_limited');
    const { body, contentType } = await metrics.exposition();
    expect(contentType).toContain('text/plain');
    expect(body).toContain('mcp_tool_calls_total{tool="get_weather",outcome="ok",caller="ci",server="weather"} 1');
    expect(body).not.toContain('outcome="error"');
    expect(body).toContain('mcp_rate_limit_rejections_total{caller="ci",server="weather"} 1');
    expect(body).toMatch(/mcp_tool_calls_in_flight\{server="weather"\} 0/);
    expect(body).toMatch(/mcp_tool_call_duration_seconds_count\{[^}]*tool="get_weather"[^}]*\} 2/);
    expect(body).toContain('process_cpu_seconds_total');
  });

  it('keeps labels bounded: OAuth subjects never appear, upstream statuses are classes', async () => {
    const metrics = new ServerMetrics('weather');
    metrics.toolCallStarted('get_weather', oauthCaller('user-8d2f@example.test'))('failed');
    metrics.upstreamResponded('open-meteo', 503);
    metrics.upstreamResponded('open-meteo', 'timeout');
    metrics.cacheLookup('forecast', 'hit');
    metrics.cacheLookup('forecast', 'miss');
    metrics.rateLimitStoreError('open');
    const { body } = await metrics.exposition();
    expect(body).toContain('mcp_tool_calls_total{tool="get_weather",outcome="failed",caller="oauth",server="weather"} 1');
    expect(body).not.toContain('user-8d2f');
    expect(body).toContain('mcp_upstream_requests_total{upstream="open-meteo",status="5xx",server="weather"} 1');
    expect(body).toContain('mcp_upstream_requests_total{upstream="open-meteo",status="timeout",server="weather"} 1');
    expect(body).toContain('mcp_cache_lookups_total{cache="forecast",result="hit",server="weather"} 1');
    expect(body).toContain('mcp_rate_limit_store_errors_total{mode="open",server="weather"} 1');
  });
});
