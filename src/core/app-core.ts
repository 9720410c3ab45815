import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseInput, type EventName, type EventPayload, type MethodName, type MethodParams, type MethodResult } from '../shared/contract';
import type { Runtime } from '../shared/node/server-env';
import { ServerCatalog } from './catalog';
import type { StopTimings } from './child-transport';
import { createClientRegistrar, type ClientRegistrar, type ClientRegistrarOverrides } from './clients/client-registrar';
import { ErrorRedaction } from './error-redaction';
import { clientHandlers } from './handlers/clients';
import type { CoreParts, HandlersOf } from './handlers/core-parts';
import { importHandlers } from './handlers/import';
import { logHandlers } from './handlers/logs';
import { messageHandlers } from './handlers/messages';
import { playgroundHandlers } from './handlers/playground';
import { promptHandlers } from './handlers/prompts';
import { registryHandlers } from './handlers/registry';
import { resourceHandlers } from './handlers/resources';
import { secretHandlers } from './handlers/secrets';
import { serverHandlers } from './handlers/servers';
import { sessionHandlers } from './handlers/sessions';
import { settingsHandlers } from './handlers/settings';
import { serverRequestHandlers } from './handlers/server-requests';
import { toolExposureHandlers } from './handlers/tool-exposure';
import { toolHandlers } from './handlers/tools';
import { LaunchResolution } from './launch-resolution';
import { LogStore } from './logs';
import { ManagedToolExposure } from './managed-tool-exposure';
import { MessageJournals } from './messages/message-journals';
import { OrphanGuard } from './orphan-guard';
import type { RestartPolicyOptions } from './restart-policy';
import { RunningCalls } from './running-calls';
import type { SecretStore } from './secrets';
import { SettingsStore } from './settings';
import { ServerRequestDesk } from './server-requests/server-request-desk';
import { ServerSupervisor, type SupervisorOptions } from './supervisor';
import { ToolSwitches } from './tool-access';
import { ToolPins } from './tool-pins';
import { TOOL_PINS_FILE_NAME } from './tool-pins-file';
import { BridgeHub } from './bridge/bridge-hub';
import type { BridgePort } from './bridge/bridge-port';
import type { ToolExposure } from './tool-exposure';
import { ManagerLogLevels } from './playground/manager-log-levels';
import { UiSessions } from './playground/ui-sessions';

export interface AppCoreOptions {
  dataDir: string;
  secrets: SecretStore;
  runtime: Runtime;
  /** Under Electron, electron-store; headless, conf. */
  settings?: SettingsStore;
  /** Only for tests that need a fast crash loop or stop. */
  restartPolicy?: RestartPolicyOptions;
  stopTimings?: StopTimings;
  initializeTimeoutMs?: number;
  /** Where the manager reports problems of its own (a corrupt settings file, an unwritable log). */
  onWarning?: (message: string) => void;
  /** How client configs are found (tests: a temp home); defaults to this machine's. */
  clients?: ClientRegistrarOverrides;
  /** Which tools each bridged client is shown and may call; the switches and pins of this data folder when not given. */
  toolExposure?: ToolExposure;
}

type Listener<E extends EventName> = (payload: EventPayload<E>) => void;

/**
 * The manager: owns the servers, their logs, secrets and settings, and implements the contract
 * that the UI (over IPC or HTTP) and the CLI (over the control socket) drive. It only composes:
 * each namespace's methods live in handlers/.
 */
export class AppCore {
  private readonly supervisors = new Map<string, ServerSupervisor>();
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  private readonly errorRedaction = new ErrorRedaction();
  private readonly runningCalls = new RunningCalls();
  /** Ids for calls whose caller chose none: unique in this run, and cheaper than a UUID per call. */
  private readonly callIdPrefix = randomUUID().slice(0, 8);
  private callCount = 0;
  private shuttingDown: Promise<void> | undefined;
  private clientRegistrar: ClientRegistrar | undefined;
  private readonly catalog: ServerCatalog;
  private readonly launches: LaunchResolution;
  private readonly handlers: HandlersOf<MethodName>;
  /** Which tools each client that comes through the bridge is shown and may call. */
  readonly toolExposure: ManagedToolExposure;
  private readonly hub: BridgeHub;
  /** Every JSON-RPC message on each server's wire, for the Messages tab. */
  private readonly messages: MessageJournals;
  /** Where the control socket hands over the client sessions the launcher bridges. */
  readonly bridge: BridgePort;
  /** Server requests waiting for a person; the surfaces that show a window attach it here. */
  readonly serverRequests: ServerRequestDesk;
  /** The level the manager's own session listens at on each server, for this run. */
  private readonly managerLogLevels = new ManagerLogLevels();

  private constructor(
    private readonly options: AppCoreOptions,
    readonly settings: SettingsStore,
    readonly logs: LogStore,
    private readonly guard: OrphanGuard,
  ) {
    this.catalog = new ServerCatalog(settings, options.runtime, (serverIds) => this.emit('servers.changed', { serverIds }));
    this.messages = new MessageJournals({ bufferMb: () => this.catalog.app.messageBufferMb, onAppended: (notice) => this.emit('messages.appended', notice) });
    this.launches = new LaunchResolution({ ...options, catalog: this.catalog, logs, errorRedaction: this.errorRedaction });
    this.toolExposure = this.createToolExposure();
    this.serverRequests = new ServerRequestDesk({
      timeoutMs: () => this.catalog.app.serverRequestTimeoutMs,
      onChanged: (requests) => this.emit('serverRequests.changed', { requests }),
      log: (input) => logs.append(input),
      redact: (text) => this.errorRedaction.text(text),
    });
    this.hub = new BridgeHub({
      catalog: this.catalog,
      supervisorFor: (id) => this.supervisorFor(id),
      sessionSupervisor: (id, sessionId) => this.sessionSupervisor(id, sessionId),
      runningCalls: this.runningCalls,
      exposure: options.toolExposure ?? this.toolExposure,
      logs,
      emit: (event, payload) => this.emit(event, payload),
      redact: (message) => this.errorRedaction.text(message),
      managerLogLevel: (serverId) => this.managerLogLevels.get(serverId),
    });
    this.bridge = this.hub;
    const uiSessions = new UiSessions({ routeOf: (id) => this.hub.routeOf(id), onResourceUpdated: (serverId, uri) => this.emit('resources.updated', { serverId, uri }) });
    const parts: CoreParts = {
      catalog: this.catalog,
      logs,
      secrets: options.secrets,
      launches: this.launches,
      runningCalls: this.runningCalls,
      clients: () => this.clients(),
      supervisorFor: (id) => this.supervisorFor(id),
      disposeSupervisor: async (id) => {
        uiSessions.forget(id);
        this.managerLogLevels.forget(id);
        this.hub.endSessionsOf(id, `Server "${id}" was removed from MCP Tray.`);
        await this.supervisorFor(id).dispose();
        this.supervisors.delete(id);
        this.messages.forget(id);
      },
      emit: (event, payload) => this.emit(event, payload),
      nextCallId: () => `${this.callIdPrefix}-${++this.callCount}`,
      sessions: (serverId) => this.hub.list(serverId),
      rootsChanged: (id) => {
        for (const supervisor of [this.supervisorFor(id), ...this.hub.sessionSupervisorsOf(id)]) supervisor.rootsChanged();
      },
    };
    this.handlers = {
      ...serverHandlers(parts, options.dataDir),
      ...sessionHandlers(parts),
      ...toolHandlers(parts),
      ...toolExposureHandlers(parts, this.toolExposure),
      ...resourceHandlers(parts),
      ...promptHandlers(parts),
      ...secretHandlers(parts),
      ...clientHandlers(parts),
      ...importHandlers(parts, options.dataDir),
      ...logHandlers(parts),
      ...settingsHandlers(parts),
      ...messageHandlers(parts, this.messages),
      ...serverRequestHandlers(this.serverRequests),
      ...playgroundHandlers(parts, { uiSessions, logLevels: this.managerLogLevels, applyManagerLevel: (id) => this.hub.applyManagerLevel(id) }),
      ...registryHandlers(parts, { dataDir: options.dataDir, runtime: options.runtime, onWarning: options.onWarning ?? (() => undefined) }),
    };
  }

  static async create(options: AppCoreOptions): Promise<AppCore> {
    await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
    const onWarning = options.onWarning ?? ((message: string) => process.stderr.write(`MCP Tray: ${message}\n`));
    const settings = options.settings ?? SettingsStore.open({ dir: options.dataDir, onWarning });
    const logs = new LogStore({
      dir: path.join(options.dataDir, 'logs'),
      bufferSize: settings.get().app.logBufferSize,
      onError: (error: Error) => onWarning(error.message),
    });
    const core = new AppCore({ ...options, onWarning }, settings, logs, OrphanGuard.start(options.runtime.execPath));
    logs.subscribe((entry) => core.emit('log.entry', entry));
    core.watchToolLists();
    for (const definition of core.catalog.list()) core.supervisorFor(definition.id);
    return core;
  }

  /** Starts every enabled server marked autostart, all at once. */
  async startAutostartServers(): Promise<void> {
    const due = this.catalog.list().filter((definition) => definition.enabled && definition.autostart);
    await Promise.all(due.map((definition) => this.supervisorFor(definition.id).start()));
  }

  /** Validates the input against the contract, then runs the method. */
  call<M extends MethodName>(method: M, input: unknown): Promise<MethodResult<M>> {
    // Not async: a tool call goes straight to its handler's promise, with only the redaction around it.
    let params: MethodParams<M>;
    try {
      params = parseInput(method, input);
    } catch (error) {
      return Promise.reject(this.errorRedaction.error(error));
    }
    const handler = this.handlers[method] as (params: MethodParams<M>) => Promise<MethodResult<M>>;
    // Every error leaves the core through here: a server's secret echoed in one is redacted.
    return handler(params).catch((error: unknown) => Promise.reject(this.errorRedaction.error(error)));
  }

  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    const untyped = listener as (payload: unknown) => void;
    set.add(untyped);
    return () => set.delete(untyped);
  }

  /** Stops every server (gracefully, in parallel) and flushes the logs. Safe to call twice. */
  shutdown(): Promise<void> {
    this.shuttingDown ??= (async () => {
      await this.hub.shutdown('MCP Tray is quitting.');
      await Promise.all([...this.supervisors.values()].map((supervisor) => supervisor.dispose()));
      this.guard.dispose();
      await this.logs.close();
    })();
    return this.shuttingDown;
  }

  private emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const set = this.listeners.get(event);
    if (!set) return;
    // Not re-validated here: payloads are built by the core itself, and surfaces validate on receipt.
    for (const listener of set) {
      try {
        listener(payload);
      } catch {
        // One broken subscriber must not stop the others or the manager.
      }
    }
  }

  private createToolExposure(): ManagedToolExposure {
    const onWarning = this.options.onWarning;
    const customIds = () => this.catalog.list().filter((definition) => definition.kind === 'custom').map((definition) => definition.id);
    const exposure = new ManagedToolExposure({
      switches: new ToolSwitches({ settings: this.settings, ...(onWarning ? { onWarning } : {}) }),
      pins: ToolPins.open({ file: path.join(this.options.dataDir, TOOL_PINS_FILE_NAME), knownServers: customIds, ...(onWarning ? { onWarning } : {}) }),
      isPinned: (serverId) => customIds().includes(serverId),
      onRefused: (serverId, client, tool, reason) =>
        this.logs.append({ serverId, level: 'warn', source: 'call', message: `${tool} refused for ${client}: ${reason}`, fields: { tool, client, outcome: 'refused' } }),
    });
    exposure.onHeld((serverId, held) => this.emit('tools.held', { serverId, held }));
    return exposure;
  }

  /** Compares each tool list the manager's own connection loads with the approved one, and forgets removed servers' switches and pins. */
  private watchToolLists(): void {
    const observe = (serverId: string) => {
      const tools = this.supervisors.get(serverId)?.lists?.tools;
      if (tools) this.toolExposure.observe(serverId, tools);
    };
    this.on('server.health', ({ serverId, state }) => {
      if (state === 'running') observe(serverId);
    });
    this.on('server.listChanged', ({ serverId, kind }) => {
      if (kind === 'tools') observe(serverId);
    });
    this.on('servers.changed', ({ serverIds }) => this.toolExposure.keepOnly(serverIds));
    this.toolExposure.keepOnly(this.catalog.list().map((definition) => definition.id));
  }

  private clients(): ClientRegistrar {
    const core = { dataDir: this.options.dataDir, runtime: this.options.runtime, secrets: this.options.secrets, servers: () => this.catalog.list() };
    this.clientRegistrar ??= createClientRegistrar(core, this.options.clients);
    return this.clientRegistrar;
  }

  private supervisorFor(id: string): ServerSupervisor {
    let supervisor = this.supervisors.get(id);
    if (!supervisor) {
      supervisor = new ServerSupervisor({
        ...this.supervisorOptions(id),
        onHealth: (health) => this.emit('server.health', health),
        onListChanged: (kind) => this.emit('server.listChanged', { serverId: id, kind }),
      });
      this.supervisors.set(id, supervisor);
    }
    return supervisor;
  }

  /** A process of a per-session server for one bridged session: its logs under the server, marked with the session. */
  private sessionSupervisor(id: string, sessionId: string): ServerSupervisor {
    const supervisor: ServerSupervisor = new ServerSupervisor({
      ...this.supervisorOptions(id),
      logFields: { session: sessionId },
      // Its pid is the session's, shown in sessions.list; the server's own health stays the shared process's.
      onHealth: (health) => {
        this.emit('sessions.changed', { serverId: id });
        if (health.state === 'running') this.observeSessionTools(id, sessionId, supervisor);
        if (health.state === 'stopped') this.toolExposure.forgetProcess(id, sessionId);
      },
      onListChanged: (kind) => {
        if (kind === 'tools') this.observeSessionTools(id, sessionId, supervisor);
      },
    });
    return supervisor;
  }

  /** Compares a session's own process's tool list with the approved one, apart from the server's other processes. */
  private observeSessionTools(id: string, sessionId: string, supervisor: ServerSupervisor): void {
    const tools = supervisor.lists?.tools;
    if (tools) this.toolExposure.observe(id, tools, sessionId);
  }

  private supervisorOptions(id: string): Omit<SupervisorOptions, 'onHealth' | 'onListChanged'> {
    return {
      serverId: id,
      resolveLaunch: () => this.launches.resolve(id),
      logs: this.logs,
      timings: () => this.catalog.app,
      guard: this.guard,
      runningCalls: this.runningCalls,
      roots: () => this.catalog.get(id).roots,
      messages: this.messages.of(id),
      serverRequests: this.serverRequests,
      mcpLogLevel: () => this.managerLogLevels.get(id),
      onCallProgress: (callId, progress) => this.emit('call.progress', { callId, serverId: id, ...progress }),
      ...(this.options.restartPolicy ? { restartPolicy: this.options.restartPolicy } : {}),
      ...(this.options.stopTimings ? { stopTimings: this.options.stopTimings } : {}),
      ...(this.options.initializeTimeoutMs ? { initializeTimeoutMs: this.options.initializeTimeoutMs } : {}),
    };
  }
}
