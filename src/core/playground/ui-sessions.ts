import type { Result } from '@modelcontextprotocol/sdk/types.js';
import { ContractError } from '../../shared/contract';
import type { RoutedSession, ServerRoute } from '../bridge/server-route';
import { MANAGER_CLIENT } from '../supervisor';

interface UiSessionsOptions {
  /** The route of the server's shared process, made when none exists yet. */
  routeOf(serverId: string): ServerRoute;
  onResourceUpdated(serverId: string, uri: string): void;
}

/**
 * MCP Tray's own window as one more session on a server's route: its resource subscriptions are
 * counted with the bridged clients' (the server is told once), and renewed after a restart.
 */
class UiSession implements RoutedSession {
  /** Never the target of a server's request (it is never busy): the window answers those through the desk. */
  readonly sessionId = MANAGER_CLIENT;
  readonly client = MANAGER_CLIENT;
  /** The manager's level is the route's managerLevel, not a session's. */
  readonly logLevel = undefined;
  readonly subscriptions = new Set<string>();

  constructor(
    readonly route: ServerRoute,
    private readonly onUpdated: (uri: string) => void,
  ) {}

  busy(): boolean {
    // Its calls go through the supervisor directly, so a server's request is never the window's to answer here.
    return false;
  }

  refusesServerRequest(): string {
    return 'the MCP Tray window does not take requests through the bridge';
  }

  request(): Promise<Result> {
    return Promise.reject(new Error(this.refusesServerRequest()));
  }

  notify(method: string, params: Record<string, unknown> | undefined): void {
    if (method === 'notifications/resources/updated' && typeof params?.uri === 'string') this.onUpdated(params.uri);
  }
}

export class UiSessions {
  private readonly byServer = new Map<string, UiSession>();

  constructor(private readonly options: UiSessionsOptions) {}

  /** The UI's subscriptions on a server. */
  subscriptions(serverId: string): string[] {
    const session = this.byServer.get(serverId);
    return session && session.route === this.options.routeOf(serverId) ? [...session.subscriptions] : [];
  }

  async subscribe(serverId: string, uri: string): Promise<void> {
    const session = this.sessionOf(serverId);
    const declared = session.route.supervisor.handshake?.capabilities.resources?.subscribe;
    if (!session.route.supervisor.handshake) throw new ContractError('not_running', `Server "${serverId}" is not running. Start it first.`);
    if (!declared) throw new ContractError('unavailable', `Server "${serverId}" does not offer resource subscriptions (it does not declare resources.subscribe). Read the resource again to see changes.`);
    await session.route.subscribe(session, uri);
    session.subscriptions.add(uri);
  }

  async unsubscribe(serverId: string, uri: string): Promise<void> {
    const session = this.sessionOf(serverId);
    if (!session.subscriptions.delete(uri)) return;
    await session.route.unsubscribe(session, uri);
  }

  /** The server is gone for good: its session leaves the route. */
  forget(serverId: string): void {
    const session = this.byServer.get(serverId);
    this.byServer.delete(serverId);
    session?.route.detach(session);
  }

  /** The server's UI session, on its current route (a removed and re-added server has a new one). */
  private sessionOf(serverId: string): UiSession {
    const route = this.options.routeOf(serverId);
    let session = this.byServer.get(serverId);
    if (session?.route !== route) {
      session = new UiSession(route, (uri) => this.options.onResourceUpdated(serverId, uri));
      route.attach(session);
      this.byServer.set(serverId, session);
    }
    return session;
  }
}
