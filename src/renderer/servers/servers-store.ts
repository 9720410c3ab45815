import type { Health, ServerSummary } from '../../shared/contract';
import { messageOf } from '../../shared/error-message';
import type { ApiClient } from '../api/api-client';
import { appendSample, sampleOf, type HealthSample } from '../server-page/health-history';

export type ServersSnapshot =
  | { status: 'loading'; servers: readonly ServerSummary[] }
  | { status: 'ready'; servers: readonly ServerSummary[] }
  | { status: 'error'; servers: readonly ServerSummary[]; error: string };

const NO_HISTORY: readonly HealthSample[] = [];

/**
 * Every server and its live health, shared by all views: one servers.list, then kept current by
 * `server.health` (merged in place) and `servers.changed` (re-listed). It also records each
 * server's recent health reports, from app start, so the overview can draw them whenever opened.
 */
export class ServersStore {
  private snapshot: ServersSnapshot = { status: 'loading', servers: [] };
  private readonly histories = new Map<string, readonly HealthSample[]>();
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribers: Array<() => void> = [];
  private loadGeneration = 0;
  private reloadQueued = false;

  constructor(private readonly api: ApiClient) {}

  /** Subscribes to the events first, so nothing that happens during the initial list is missed. */
  start(): () => void {
    this.unsubscribers.push(
      this.api.on('server.health', (health) => this.applyHealth(health)),
      this.api.on('servers.changed', () => this.queueReload()),
    );
    void this.reload();
    return () => {
      for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
      this.loadGeneration += 1;
    };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): ServersSnapshot => this.snapshot;

  historyOf(serverId: string): readonly HealthSample[] {
    return this.histories.get(serverId) ?? NO_HISTORY;
  }

  async reload(): Promise<void> {
    const generation = ++this.loadGeneration;
    // Keep showing what we have while re-listing; only a first load shows the loading state.
    if (this.snapshot.status === 'error') this.set({ status: 'loading', servers: this.snapshot.servers });
    try {
      const servers = await this.api.call('servers.list', {});
      if (generation !== this.loadGeneration) return;
      const now = Date.now();
      for (const server of servers) if (!this.histories.has(server.id)) this.record(server.health, now);
      this.set({ status: 'ready', servers });
    } catch (error) {
      if (generation !== this.loadGeneration) return;
      this.set({ status: 'error', servers: this.snapshot.servers, error: messageOf(error) });
    }
  }

  /** Shows an action's answer at once instead of waiting for the next event or list. */
  applySummary(summary: ServerSummary): void {
    this.record(summary.health, Date.now());
    const servers = this.snapshot.servers;
    const index = servers.findIndex((server) => server.id === summary.id);
    const next = index < 0 ? [...servers, summary] : servers.map((server, at) => (at === index ? summary : server));
    this.set({ ...this.snapshot, servers: next });
  }

  applyHealth(health: Health): void {
    this.record(health, Date.now());
    const servers = this.snapshot.servers;
    const index = servers.findIndex((server) => server.id === health.serverId);
    if (index < 0) return;
    this.set({ ...this.snapshot, servers: servers.map((server, at) => (at === index ? { ...server, health } : server)) });
  }

  applyRemoved(serverId: string): void {
    this.histories.delete(serverId);
    this.set({ ...this.snapshot, servers: this.snapshot.servers.filter((server) => server.id !== serverId) });
  }

  private record(health: Health, at: number): void {
    const history = this.histories.get(health.serverId) ?? NO_HISTORY;
    const next = appendSample(history, sampleOf(health, at));
    if (next !== history) this.histories.set(health.serverId, next);
  }

  /** servers.changed often comes in bursts (one per settings write); one re-list per burst is enough. */
  private queueReload(): void {
    if (this.reloadQueued) return;
    this.reloadQueued = true;
    queueMicrotask(() => {
      this.reloadQueued = false;
      void this.reload();
    });
  }

  private set(next: ServersSnapshot): void {
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}
