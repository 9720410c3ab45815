import { randomUUID } from 'node:crypto';
import type { LoggingLevel } from '@modelcontextprotocol/sdk/types.js';
import { ContractError, type ClientSession, type EventName, type EventPayload } from '../../shared/contract';
import { messageOf } from '../../shared/error-message';
import type { ServerCatalog } from '../catalog';
import type { LogInput } from '../logs';
import type { RunningCalls } from '../running-calls';
import type { ServerSupervisor } from '../supervisor';
import type { ToolExposure } from '../tool-exposure';
import type { BridgeOpenRequest, BridgePort, BridgeSession, SessionPeer } from './bridge-port';
import { HubSession } from './hub-session';
import { ServerRoute } from './server-route';

export interface BridgeHubOptions {
  catalog: ServerCatalog;
  /** The server's one supervised process, shared by the sessions of a `shared` server (and the UI). */
  supervisorFor(serverId: string): ServerSupervisor;
  /** A process of its own for one session of a `per-session` server; the hub disposes of it when the session ends. */
  sessionSupervisor(serverId: string, sessionId: string): ServerSupervisor;
  runningCalls: RunningCalls;
  exposure: ToolExposure;
  logs: { append(input: LogInput): unknown };
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Takes secret values out of an error message sent to a client. */
  redact?(message: string): string;
  /** How long a session's request waits for its server to be running. */
  readyTimeoutMs?: number;
  /** The level the manager's own log view listens at on a server. */
  managerLogLevel?(serverId: string): LoggingLevel;
}

interface OpenSession {
  session: HubSession;
  route: ServerRoute;
  /** Set for a per-session server: the process that ends with the session. */
  dedicated: ServerSupervisor | undefined;
}

/** Under the 10 s some clients give a server for its handshake, so the client hears why rather than timing out. */
const DEFAULT_READY_TIMEOUT_MS = 8_000;

/**
 * The manager's end of the launcher's bridge: many client sessions on one server process (or one
 * process per session, for servers set to per-session), each routed by a ServerRoute.
 */
export class BridgeHub implements BridgePort {
  private readonly sessions = new Map<string, OpenSession>();
  /** The route of each shared server, for the supervisor it was made for. */
  private readonly routes = new Map<string, ServerRoute>();
  private readonly stopWatchingExposure: () => void;

  constructor(private readonly options: BridgeHubOptions) {
    this.stopWatchingExposure = options.exposure.onChange((serverId) => {
      for (const open of this.sessions.values()) if (open.session.summary().serverId === serverId) open.session.notify('notifications/tools/list_changed', undefined);
    });
  }

  async openSession(request: BridgeOpenRequest, peer: SessionPeer): Promise<BridgeSession> {
    const definition = this.options.catalog.get(request.serverId);
    if (!definition.enabled) throw new ContractError('conflict', `Server "${definition.id}" is disabled. Enable it in MCP Tray, then connect again.`);
    const sessionId = randomUUID();
    const dedicated = definition.sharing === 'per-session' ? this.options.sessionSupervisor(definition.id, sessionId) : undefined;
    const route = dedicated ? this.newRoute(definition.id, dedicated) : this.sharedRoute(definition.id);
    const session = new HubSession({
      sessionId,
      serverId: definition.id,
      route,
      peer,
      opening: request,
      exposure: this.options.exposure,
      runningCalls: this.options.runningCalls,
      readyTimeoutMs: () => this.options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS,
      redact: (message) => this.options.redact?.(message) ?? message,
      onChanged: () => this.changed(definition.id),
      onClosed: () => this.closed(sessionId),
    });
    route.attach(session);
    this.sessions.set(sessionId, { session, route, dedicated });
    if (request.client) this.options.exposure.noteClient(definition.id, request.client);
    const { state } = route.supervisor.health();
    if (state === 'stopped' || state === 'failed') {
      void route.supervisor.start().catch((error: unknown) => this.log(definition.id, `could not start for ${session.client}: ${messageOf(error)}`));
    }
    this.log(definition.id, `client ${session.client} connected${dedicated ? ' (a process of its own)' : ''}`, { session: sessionId, client: session.client });
    this.changed(definition.id);
    return session;
  }

  /** The sessions open now, on one server or on all. */
  list(serverId?: string): ClientSession[] {
    return [...this.sessions.values()].map((open) => open.session.summary()).filter((summary) => serverId === undefined || summary.serverId === serverId);
  }

  /** The processes of a per-session server's sessions, which the server's own supervisor does not reach. */
  sessionSupervisorsOf(serverId: string): ServerSupervisor[] {
    return [...this.sessions.values()].flatMap((open) => (open.dedicated && open.session.summary().serverId === serverId ? [open.dedicated] : []));
  }

  /** Ends the sessions of a server that is going away for good (removed). */
  endSessionsOf(serverId: string, reason: string): void {
    for (const open of [...this.sessions.values()]) if (open.session.summary().serverId === serverId) open.session.end(reason);
    this.routes.get(serverId)?.dispose();
    this.routes.delete(serverId);
  }

  /** Ends every session (the manager is quitting) and the processes of per-session servers. */
  async shutdown(reason: string): Promise<void> {
    const dedicated = [...this.sessions.values()].flatMap((open) => (open.dedicated ? [open.dedicated] : []));
    for (const open of [...this.sessions.values()]) open.session.end(reason);
    await Promise.all(dedicated.map((supervisor) => supervisor.dispose()));
    this.stopWatchingExposure();
  }

  /** The route of a server's shared process, where MCP Tray's own window is one more session. */
  routeOf(serverId: string): ServerRoute {
    return this.sharedRoute(this.options.catalog.get(serverId).id);
  }

  /** The manager's level on a server changed: each of its processes runs at the lowest level anyone asked for. */
  async applyManagerLevel(serverId: string): Promise<void> {
    const dedicated = [...this.sessions.values()].flatMap((open) => (open.dedicated && open.session.summary().serverId === serverId ? [open.route] : []));
    await Promise.all([this.routeOf(serverId), ...dedicated].map((route) => route.applyLevel()));
  }

  private sharedRoute(serverId: string): ServerRoute {
    const supervisor = this.options.supervisorFor(serverId);
    const existing = this.routes.get(serverId);
    if (existing?.supervisor === supervisor) return existing;
    existing?.dispose();
    const route = this.newRoute(serverId, supervisor);
    this.routes.set(serverId, route);
    return route;
  }

  private newRoute(serverId: string, supervisor: ServerSupervisor): ServerRoute {
    const managerLogLevel = this.options.managerLogLevel;
    return new ServerRoute({
      supervisor,
      roots: () => this.options.catalog.get(serverId).roots,
      log: (input) => this.options.logs.append({ ...input, serverId }),
      ...(managerLogLevel ? { managerLevel: () => managerLogLevel(serverId) } : {}),
    });
  }

  private closed(sessionId: string): void {
    const open = this.sessions.get(sessionId);
    if (!open) return;
    this.sessions.delete(sessionId);
    const { serverId } = open.session.summary();
    this.log(serverId, `client ${open.session.client} disconnected`, { session: sessionId, client: open.session.client });
    if (open.dedicated) {
      open.route.dispose();
      void open.dedicated.dispose().finally(() => this.changed(serverId));
    }
    this.changed(serverId);
  }

  private changed(serverId: string): void {
    this.options.emit('sessions.changed', { serverId });
  }

  private log(serverId: string, message: string, fields?: Record<string, unknown>): void {
    this.options.logs.append({ serverId, level: 'info', source: 'lifecycle', message, ...(fields ? { fields } : {}) });
  }
}
