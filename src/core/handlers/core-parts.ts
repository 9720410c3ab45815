import { ContractError, type ClientSession, type EventName, type EventPayload, type MethodName, type MethodParams, type MethodResult, type ServerSummary } from '../../shared/contract';
import type { ServerCatalog } from '../catalog';
import type { ClientRegistrar } from '../clients/client-registrar';
import type { LaunchResolution } from '../launch-resolution';
import type { LogStore } from '../logs';
import type { RunningCalls } from '../running-calls';
import type { SecretStore } from '../secrets';
import type { ServerLists } from '../server-connection';
import type { ServerSupervisor } from '../supervisor';

/** The handlers of some contract methods, each taking its validated input. */
export type HandlersOf<N extends MethodName> = { [M in N]: (params: MethodParams<M>) => Promise<MethodResult<M>> };

/** What AppCore composes and hands to every namespace's handlers. */
export interface CoreParts {
  readonly catalog: ServerCatalog;
  readonly logs: LogStore;
  readonly secrets: SecretStore;
  readonly launches: LaunchResolution;
  readonly runningCalls: RunningCalls;
  /** Registration with MCP clients (src/core/clients), created on first use. */
  clients(): ClientRegistrar;
  supervisorFor(id: string): ServerSupervisor;
  /** Stops a server for good and forgets its supervisor. */
  disposeSupervisor(id: string): Promise<void>;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  nextCallId(): string;
  /** Tells every process of the server (shared and per-session) that its roots changed. */
  rootsChanged(id: string): void;
  /** The clients connected through the launcher's bridge, to one server or to all. */
  sessions(serverId?: string): ClientSession[];
}

export function summaryOf(parts: CoreParts, id: string): ServerSummary {
  return { ...parts.catalog.get(id), health: parts.supervisorFor(id).health() };
}

/** Restarts a running server so a new secret or setting takes effect. */
export async function applyToRunning(parts: CoreParts, id: string, reason: string): Promise<void> {
  const supervisor = parts.supervisorFor(id);
  const { state } = supervisor.health();
  if (state === 'running' || state === 'degraded' || state === 'starting' || state === 'backoff') {
    parts.logs.append({ serverId: id, level: 'info', source: 'lifecycle', message: `restarting to apply ${reason}` });
    await supervisor.restart();
  }
}

/** What a running server offers; refused with not_running while it is not up. */
export function runningLists(parts: CoreParts, serverId: string): ServerLists {
  const supervisor = parts.supervisorFor(parts.catalog.get(serverId).id);
  const lists = supervisor.lists;
  const { state } = supervisor.health();
  if (!lists || (state !== 'running' && state !== 'degraded')) {
    throw new ContractError('not_running', `Server "${serverId}" is ${state}. Start it first.`);
  }
  return lists;
}
