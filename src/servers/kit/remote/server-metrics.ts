import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { CacheLookupResult, UpstreamObserver, UpstreamStatus } from '../upstream-telemetry';
import type { Caller } from './caller';

export type ToolOutcome = 'ok' | 'error' | 'rate_limited' | 'failed';

/**
 * The server's Prometheus metrics. Every label is bounded: tool names are the registered tools' own (the
 * tool runner passes its literal name, and the SDK refuses unknown tools before any handler runs),
 * callers are API key names (or "oauth" / "anonymous", never an OAuth subject), upstream statuses
 * are classes like 2xx.
 */
export class ServerMetrics implements UpstreamObserver {
  readonly registry = new Registry();
  private readonly toolCalls: Counter<'tool' | 'outcome' | 'caller'>;
  private readonly toolDuration: Histogram<'tool'>;
  private readonly inFlight: Gauge;
  private readonly rateLimited: Counter<'caller'>;
  private readonly rateLimitStoreErrors: Counter<'mode'>;
  private readonly upstreamRequests: Counter<'upstream' | 'status'>;
  private readonly cacheLookups: Counter<'cache' | 'result'>;

  constructor(server: string) {
    this.registry.setDefaultLabels({ server });
    collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    this.toolCalls = new Counter({ name: 'mcp_tool_calls_total', help: 'Tool calls by tool, outcome and caller.', labelNames: ['tool', 'outcome', 'caller'], registers });
    this.toolDuration = new Histogram({
      name: 'mcp_tool_call_duration_seconds',
      help: 'Time from a tool call to its result.',
      labelNames: ['tool'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.inFlight = new Gauge({ name: 'mcp_tool_calls_in_flight', help: 'Tool calls running now.', registers });
    this.rateLimited = new Counter({ name: 'mcp_rate_limit_rejections_total', help: 'Requests refused by the per-caller rate limit: tool calls, and resource reads and prompts that call the upstream.', labelNames: ['caller'], registers });
    this.rateLimitStoreErrors = new Counter({
      name: 'mcp_rate_limit_store_errors_total',
      help: 'Tool calls the Redis rate limit could not decide, by the mode that decided instead.',
      labelNames: ['mode'],
      registers,
    });
    this.upstreamRequests = new Counter({ name: 'mcp_upstream_requests_total', help: 'Requests to upstream APIs by status class.', labelNames: ['upstream', 'status'], registers });
    this.cacheLookups = new Counter({ name: 'mcp_cache_lookups_total', help: 'Upstream response cache lookups: hit (this process), shared_hit (the cache replicas share), miss (asked the upstream).', labelNames: ['cache', 'result'], registers });
  }

  /** Starts timing a call; the returned function records its outcome once. */
  toolCallStarted(tool: string, caller: Caller): (outcome: ToolOutcome) => void {
    this.inFlight.inc();
    const stopTimer = this.toolDuration.startTimer({ tool });
    let recorded = false;
    return (outcome) => {
      if (recorded) return;
      recorded = true;
      this.inFlight.dec();
      stopTimer();
      this.toolCalls.inc({ tool, outcome, caller: caller.metricLabel });
      if (outcome === 'rate_limited') this.rateLimitRejected(caller);
    };
  }

  /** A request the caller's rate limit refused: a tool call, or a resource read or prompt that calls the upstream. */
  rateLimitRejected(caller: Caller): void {
    this.rateLimited.inc({ caller: caller.metricLabel });
  }

  rateLimitStoreError(mode: 'open' | 'closed'): void {
    this.rateLimitStoreErrors.inc({ mode });
  }

  /** `status` is an HTTP status, or a word for a request that got none (timeout, network, cancelled). */
  upstreamResponded(upstream: string, status: UpstreamStatus): void {
    this.upstreamRequests.inc({ upstream, status: typeof status === 'number' ? `${Math.floor(status / 100)}xx` : status });
  }

  cacheLookup(cache: string, result: CacheLookupResult): void {
    this.cacheLookups.inc({ cache, result });
  }

  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
