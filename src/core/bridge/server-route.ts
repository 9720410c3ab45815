import type { LoggingLevel, LoggingMessageNotification, Result } from '@modelcontextprotocol/sdk/types.js';
import type { LogInput } from '../logs';
import type { ListKind, ServerToClientMethod } from '../server-connection';
import type { ServerSupervisor } from '../supervisor';
import type { SupervisorRelay } from '../supervisor-relay';
import { messageOf } from '../../shared/error-message';
import { lowestLevel, passesLevel } from './log-levels';
import { SubscriptionTable } from './subscriptions';
import { UnroutedRequest } from '../server-requests/unrouted-request';
import { rootsAnswer } from './unrouted-requests';

/**
 * The level the manager's log view listens at unless the UI chose another: what it records of a
 * server's notifications/message, and what a server is set back to once no session asks for less.
 */
const MANAGER_LOG_LEVEL: LoggingLevel = 'info';

/** What a route needs of each session on its server. */
export interface RoutedSession {
  readonly sessionId: string;
  readonly client: string;
  /** The level this session asked for with logging/setLevel, if it did. */
  readonly logLevel: LoggingLevel | undefined;
  /** Whether it has requests running on the server (tool calls, reads, ...). */
  busy(): boolean;
  /** Why it cannot be sent this request from the server, or undefined when it can. */
  refusesServerRequest(method: ServerToClientMethod): string | undefined;
  /** Sends the client a request from the server and waits for its answer; aborting tells the client to stop. */
  request(method: ServerToClientMethod, params: Record<string, unknown>, signal: AbortSignal): Promise<Result>;
  /** A notification from the server, for a session that receives unsolicited notifications. */
  notify(method: string, params: Record<string, unknown> | undefined): void;
}

interface RouteOptions {
  supervisor: ServerSupervisor;
  roots: () => readonly string[];
  log(input: Omit<LogInput, 'serverId'>): void;
  /** The level the manager's own session (its log view, the UI) listens at on this server; MANAGER_LOG_LEVEL when not given. */
  managerLevel?(): LoggingLevel;
}

/**
 * The sessions on one server process and what they share of it: its requests to a client go to
 * the one session that can have caused them, its notifications go to the sessions they concern,
 * subscriptions are counted, and it logs at the lowest level any session asked for.
 */
export class ServerRoute implements SupervisorRelay {
  readonly sessions = new Set<RoutedSession>();
  private readonly subscriptions = new SubscriptionTable<RoutedSession>();
  /** The level the server last accepted; undefined while it runs at its own default. */
  private serverLevel: LoggingLevel | undefined;
  private levelChange: Promise<void> = Promise.resolve();
  /** The generation of the process last seen running: a higher one is a restart. */
  private generationSeen: number | undefined;
  private readonly stopRelaying: () => void;

  constructor(private readonly options: RouteOptions) {
    const { supervisor } = options;
    this.stopRelaying = supervisor.relayTo(this);
    if (supervisor.handshake) this.generationSeen = supervisor.processGeneration;
  }

  get supervisor(): ServerSupervisor {
    return this.options.supervisor;
  }

  attach(session: RoutedSession): void {
    this.sessions.add(session);
  }

  /** A session left: its subscriptions are released and the server's level may rise again. */
  detach(session: RoutedSession): void {
    this.sessions.delete(session);
    for (const uri of this.subscriptions.removeSession(session)) void this.tellServer('resources/unsubscribe', uri);
    void this.applyLevel().catch((error: unknown) => this.logFailure('logging/setLevel', error));
  }

  /** Ends the relaying, when the route's server is gone for good. */
  dispose(): void {
    this.stopRelaying();
  }

  async subscribe(session: RoutedSession, uri: string): Promise<void> {
    if (!this.sessions.has(session)) return; // it left while the server was starting
    if (!this.subscriptions.add(uri, session)) return;
    try {
      await this.supervisor.forward('resources/subscribe', { uri }, { origin: { session: session.client } });
    } catch (error) {
      this.subscriptions.remove(uri, session);
      throw error;
    }
  }

  async unsubscribe(session: RoutedSession, uri: string): Promise<void> {
    if (this.subscriptions.remove(uri, session)) await this.supervisor.forward('resources/unsubscribe', { uri }, { origin: { session: session.client } });
  }

  /**
   * A session's level (or the manager's) changed: the server runs at the lowest level asked for,
   * the manager's own log view counting as a listener at its level, so no client can silence what
   * the manager shows. Until someone asks for other than MANAGER_LOG_LEVEL, the server is left at
   * its own default.
   */
  applyLevel(): Promise<void> {
    // One change at a time, so the cached level is what the server accepted last.
    const change = this.levelChange.then(() => this.setServerLevel());
    this.levelChange = change.catch(() => undefined);
    return change;
  }

  private async setServerLevel(): Promise<void> {
    const managerLevel = this.options.managerLevel?.() ?? MANAGER_LOG_LEVEL;
    const target = lowestLevel([managerLevel, ...[...this.sessions].map((session) => session.logLevel)]) ?? managerLevel;
    if (target === this.serverLevel || !this.supervisor.handshake) return;
    if (target === MANAGER_LOG_LEVEL && this.serverLevel === undefined) return;
    await this.supervisor.setLoggingLevel(target);
    this.serverLevel = target;
  }

  /** Goes to the one session whose call is running, when it can take it; else why not, for the supervisor to decide. */
  serverRequest(method: ServerToClientMethod, params: Record<string, unknown>, signal: AbortSignal): Promise<Result> | UnroutedRequest {
    if (method === 'roots/list') return Promise.resolve(rootsAnswer(this.options.roots()));
    const busy = [...this.sessions].filter((session) => session.busy());
    const target = busy.length === 1 ? busy[0] : undefined;
    const why =
      busy.length === 0
        ? 'no client has a call running on this server'
        : target === undefined
          ? `${busy.length} clients have calls running on this server, so it is not clear which one asked`
          : target.refusesServerRequest(method);
    if (target && why === undefined) return target.request(method, params, signal);
    return new UnroutedRequest(why ?? 'no client can answer it', target ? { sessionId: target.sessionId, client: target.client } : undefined);
  }

  resourceUpdated(uri: string): void {
    for (const session of this.subscriptions.subscribers(uri)) session.notify('notifications/resources/updated', { uri });
  }

  loggingMessage(params: LoggingMessageNotification['params']): void {
    for (const session of this.sessions) {
      if (passesLevel(params.level, session.logLevel)) session.notify('notifications/message', params);
    }
  }

  listChanged(kind: ListKind): void {
    this.broadcast(kind);
  }

  /** Tells every session a list changed (after the cached list was refreshed). */
  broadcast(kind: ListKind): void {
    for (const session of this.sessions) session.notify(`notifications/${kind}/list_changed`, undefined);
  }

  /**
   * A process finished its handshake. After a restart the new process is told what the sessions
   * asked of the old one (subscriptions, logging level), and every session that lists changed.
   */
  running(generation: number): void {
    const restarted = this.generationSeen !== undefined && generation > this.generationSeen;
    this.generationSeen = generation;
    if (restarted) this.serverLevel = undefined;
    // Also at a first start: a level chosen while the server was down applies once it is up.
    void this.applyLevel().catch((error: unknown) => this.logFailure('logging/setLevel', error));
    if (!restarted) return;
    for (const uri of this.subscriptions.uris()) void this.tellServer('resources/subscribe', uri);
    // Only the lists the server declares (MCP 2025-11-25, Server > Tools/Resources/Prompts > Capabilities).
    const declared = this.supervisor.handshake?.capabilities ?? {};
    for (const kind of ['tools', 'resources', 'prompts'] as const) if (declared[kind]) this.broadcast(kind);
  }

  private async tellServer(method: 'resources/subscribe' | 'resources/unsubscribe', uri: string): Promise<void> {
    if (!this.supervisor.handshake) return;
    await this.supervisor.forward(method, { uri }, {}).catch((error: unknown) => this.logFailure(`${method} ${uri}`, error));
  }

  private logFailure(what: string, error: unknown): void {
    this.options.log({ level: 'warn', source: 'lifecycle', message: `${what} for the connected clients failed: ${messageOf(error)}` });
  }
}
