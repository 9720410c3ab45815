import type { ToolChanges } from '../../shared/contract';
import type { ApiClient } from '../api/api-client';

export type HeldTools = ReadonlyMap<string, readonly string[]>;

/**
 * Which tools each server holds back from clients until the user approves their changed
 * definitions: read once per server with tools.changes, then kept current by `tools.held`.
 * A server whose changes cannot be read counts as holding nothing back; the badge is a hint,
 * and the server's Changes tab shows the error itself.
 */
export class HeldToolsStore {
  private held: HeldTools = new Map();
  private readonly asked = new Set<string>();
  /** Events seen per server, so a read answered after a newer event does not overwrite it. */
  private readonly events = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly api: ApiClient) {}

  /** Listens before the first reads, so a change during them is not lost. */
  start(): () => void {
    this.unsubscribe = this.api.on('tools.held', ({ serverId, held }) => {
      this.events.set(serverId, (this.events.get(serverId) ?? 0) + 1);
      this.set(serverId, held);
    });
    return () => {
      this.unsubscribe?.();
      this.unsubscribe = undefined;
    };
  }

  /** Reads the servers not read yet, and forgets the ones gone. */
  track(serverIds: readonly string[]): void {
    const current = new Set(serverIds);
    for (const serverId of this.held.keys()) if (!current.has(serverId)) this.set(serverId, []);
    for (const serverId of this.asked) if (!current.has(serverId)) this.asked.delete(serverId);
    for (const serverId of serverIds) {
      if (this.asked.has(serverId)) continue;
      this.asked.add(serverId);
      const eventsBefore = this.events.get(serverId) ?? 0;
      this.api.call('tools.changes', { serverId }).then(
        (changes) => {
          // A server removed while its read was under way stays forgotten; a newer event wins.
          if (this.asked.has(serverId) && (this.events.get(serverId) ?? 0) === eventsBefore) this.apply(changes);
        },
        () => undefined,
      );
    }
  }

  /** Takes what an action answered (tools.changes, tools.approve). */
  apply(changes: ToolChanges): void {
    this.set(changes.serverId, changes.held);
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): HeldTools => this.held;

  private set(serverId: string, held: readonly string[]): void {
    const before = this.held.get(serverId);
    if (held.length === 0 && before === undefined) return;
    if (before !== undefined && before.length === held.length && before.every((tool, index) => tool === held[index])) return;
    const next = new Map(this.held);
    if (held.length === 0) next.delete(serverId);
    else next.set(serverId, [...held]);
    this.held = next;
    for (const listener of this.listeners) listener();
  }
}
