import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import {
  ContractError,
  CustomServerInputSchema,
  describeValidationError,
  parseInput,
  type EventName,
  type EventPayload,
  type MethodName,
  type MethodParams,
  type MethodResult,
  type ServerDefinition,
  type ServerSummary,
} from '../shared/contract';
import { BYTES_PER_MB } from '../shared/message-size';
import { TASK_REQUIRED_REASON, requiresTaskExecution } from '../shared/tool-task-support';
import { customDefinition, buildServerEnv, frozenDefinition, isBundledId, listDefinitions, type Runtime } from './catalog';
import type { StopTimings } from './child-transport';
import { createClientRegistrar, type ClientRegistrar, type ClientRegistrarOverrides } from './clients/client-registrar';
import { ErrorRedaction } from './error-redaction';
import { findExecutable } from './find-executable';
import { LogStore } from './logs';
import { OrphanGuard } from './orphan-guard';
import type { RestartPolicyOptions } from './restart-policy';
import type { SecretStore } from './secrets';
import { SettingsStore, type PersistedSettings } from './settings';
import { ServerSupervisor, type LaunchSpec } from './supervisor';

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
}

type Handlers = { [M in MethodName]: (params: MethodParams<M>) => Promise<MethodResult<M>> };
type Listener<E extends EventName> = (payload: EventPayload<E>) => void;

/**
 * The manager: owns the servers, their logs, secrets and settings, and implements the contract
 * that the UI (over IPC or HTTP) and the CLI (over the control socket) drive.
 */
export class AppCore {
  private readonly supervisors = new Map<string, ServerSupervisor>();
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  private readonly callOwners = new Map<string, ServerSupervisor>();
  private readonly errorRedaction = new ErrorRedaction();
  /** Ids for calls whose caller chose none: unique in this run, and cheaper than a UUID per call. */
  private readonly callIdPrefix = randomUUID().slice(0, 8);
  private callCount = 0;
  private shuttingDown: Promise<void> | undefined;
  private clientRegistrar: ClientRegistrar | undefined;
  /** Read on every call and health check, so kept rather than copied out of the store each time. */
  private snapshot: PersistedSettings;
  /** The definitions built from `snapshot`, rebuilt only when the settings change. */
  private catalog: { snapshot: PersistedSettings; list: ServerDefinition[]; byId: Map<string, ServerDefinition> } | undefined;

  private constructor(
    private readonly options: AppCoreOptions,
    readonly settings: SettingsStore,
    readonly logs: LogStore,
    private readonly guard: OrphanGuard,
  ) {
    this.snapshot = settings.get();
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
    for (const definition of core.definitions()) core.supervisorFor(definition.id);
    return core;
  }

  /** Starts every enabled server marked autostart, all at once. */
  async startAutostartServers(): Promise<void> {
    const due = this.definitions().filter((definition) => definition.enabled && definition.autostart);
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

  /** Registration with MCP clients (src/core/clients), created on first use. */
  private get clients(): ClientRegistrar {
    const core = { dataDir: this.options.dataDir, runtime: this.options.runtime, secrets: this.options.secrets, servers: () => this.definitions() };
    this.clientRegistrar ??= createClientRegistrar(core, this.options.clients);
    return this.clientRegistrar;
  }

  private definitions(): ServerDefinition[] {
    return this.currentCatalog().list;
  }

  private definition(id: string): ServerDefinition {
    const definition = this.currentCatalog().byId.get(id);
    if (!definition) throw new ContractError('not_found', `There is no server "${id}". Run "mcp-tray servers list" to see them.`);
    return definition;
  }

  private nextCallId(): string {
    return `${this.callIdPrefix}-${++this.callCount}`;
  }

  private currentCatalog(): { list: ServerDefinition[]; byId: Map<string, ServerDefinition> } {
    if (this.catalog?.snapshot !== this.snapshot) {
      // Shared by every caller until the next settings change, so frozen against accidental edits.
      const list = listDefinitions(this.snapshot, this.options.runtime).map(frozenDefinition);
      this.catalog = { snapshot: this.snapshot, list, byId: new Map(list.map((definition) => [definition.id, definition])) };
    }
    return this.catalog;
  }

  private summary(id: string): ServerSummary {
    return { ...this.definition(id), health: this.supervisorFor(id).health() };
  }

  private supervisorFor(id: string): ServerSupervisor {
    let supervisor = this.supervisors.get(id);
    if (!supervisor) {
      supervisor = new ServerSupervisor({
        serverId: id,
        resolveLaunch: () => this.resolveLaunch(id),
        logs: this.logs,
        timings: () => this.snapshot.app,
        guard: this.guard,
        onHealth: (health) => this.emit('server.health', health),
        onListChanged: (kind) => this.emit('server.listChanged', { serverId: id, kind }),
        onCallProgress: (callId, progress) => this.emit('call.progress', { callId, serverId: id, ...progress }),
        ...(this.options.restartPolicy ? { restartPolicy: this.options.restartPolicy } : {}),
        ...(this.options.stopTimings ? { stopTimings: this.options.stopTimings } : {}),
        ...(this.options.initializeTimeoutMs ? { initializeTimeoutMs: this.options.initializeTimeoutMs } : {}),
      });
      this.supervisors.set(id, supervisor);
    }
    return supervisor;
  }

  private async resolveLaunch(id: string): Promise<LaunchSpec> {
    const definition = this.definition(id);
    const secrets: Record<string, string> = {};
    for (const name of definition.secretEnv) {
      try {
        const value = await this.options.secrets.get(id, name);
        if (value !== undefined) secrets[name] = value;
      } catch (error) {
        // Start without it: the server's own tools say which secret is missing.
        this.logs.append({ serverId: id, level: 'warn', source: 'lifecycle', message: `could not read secret ${name}: ${(error as Error).message}` });
      }
    }
    this.errorRedaction.addSecrets(id, Object.values(secrets));
    const env = buildServerEnv(definition, this.options.runtime, secrets);
    const command = definition.kind === 'custom' ? ((await findExecutable(definition.command, env.PATH)) ?? definition.command) : definition.command;
    const cwd = path.join(this.options.dataDir, 'servers', id);
    await mkdir(cwd, { recursive: true, mode: 0o700 });
    const maxMessageBytes = () => this.snapshot.app.maxMessageMb * BYTES_PER_MB;
    return { command, args: definition.args, env, cwd, maxMessageBytes, secretValues: Object.values(secrets) };
  }

  private async requireCommand(command: string): Promise<void> {
    const env = buildServerEnv(customDefinition(CustomServerInputSchema.parse({ id: 'probe', name: 'probe', command })), this.options.runtime, {});
    if (!(await findExecutable(command, env.PATH))) {
      throw new ContractError(
        'invalid_input',
        `Command "${command}" was not found or is not executable (looked in PATH: ${env.PATH}). Install it, or give its full path.`,
      );
    }
  }

  private updateSettings(mutate: (current: PersistedSettings) => PersistedSettings): void {
    this.snapshot = this.settings.update(mutate);
    this.emit('servers.changed', { serverIds: this.definitions().map((definition) => definition.id) });
  }

  private requireCustom(id: string): void {
    if (isBundledId(id)) throw new ContractError('invalid_input', `"${id}" is a bundled server: it can be disabled, not edited or removed.`);
    this.definition(id);
  }

  /** Restarts a running server so a new secret or setting takes effect. */
  private async applyToRunning(id: string, reason: string): Promise<void> {
    const supervisor = this.supervisorFor(id);
    const { state } = supervisor.health();
    if (state === 'running' || state === 'degraded' || state === 'starting' || state === 'backoff') {
      this.logs.append({ serverId: id, level: 'info', source: 'lifecycle', message: `restarting to apply ${reason}` });
      await supervisor.restart();
    }
  }

  private readonly handlers: Handlers = {
    // Each summary built from the list already in hand: summary(id) would rebuild every definition per server.
    'servers.list': async () => this.definitions().map((definition) => ({ ...definition, health: this.supervisorFor(definition.id).health() })),
    'servers.get': async ({ id }) => this.summary(id),
    'servers.start': async ({ id }) => {
      const definition = this.definition(id);
      if (!definition.enabled) throw new ContractError('conflict', `Server "${id}" is disabled. Enable it first.`);
      return this.supervisorFor(id).start();
    },
    'servers.stop': async ({ id }) => {
      this.definition(id);
      return this.supervisorFor(id).stop();
    },
    'servers.restart': async ({ id }) => {
      const definition = this.definition(id);
      if (!definition.enabled) throw new ContractError('conflict', `Server "${id}" is disabled. Enable it first.`);
      return this.supervisorFor(id).restart();
    },
    'servers.add': async (server) => {
      if (this.definitions().some((definition) => definition.id === server.id)) {
        throw new ContractError('conflict', `A server with id "${server.id}" already exists. Choose another id.`);
      }
      await this.requireCommand(server.command);
      this.updateSettings((current) => ({ ...current, customServers: [...current.customServers, server] }));
      if (server.enabled && server.autostart) await this.supervisorFor(server.id).start();
      return this.summary(server.id);
    },
    'servers.update': async ({ id, patch }) => {
      this.requireCustom(id);
      if (patch.command !== undefined) await this.requireCommand(patch.command);
      this.updateSettings((current) => ({
        ...current,
        customServers: current.customServers.map((server) => {
          if (server.id !== id) return server;
          const parsed = CustomServerInputSchema.safeParse({ ...server, ...patch, id });
          if (!parsed.success) throw new ContractError('invalid_input', describeValidationError(parsed.error));
          return parsed.data;
        }),
      }));
      if (this.definition(id).enabled) await this.applyToRunning(id, 'the new settings');
      else await this.supervisorFor(id).stop();
      return this.summary(id);
    },
    'servers.remove': async ({ id }) => {
      this.requireCustom(id);
      const definition = this.definition(id);
      await this.supervisorFor(id).dispose();
      this.supervisors.delete(id);
      this.updateSettings((current) => ({ ...current, customServers: current.customServers.filter((server) => server.id !== id) }));
      for (const name of definition.secretEnv) await this.options.secrets.delete(id, name).catch(() => false);
      await this.logs.removeServer(id).catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ContractError('failed', `"${id}" was removed, but its log files could not be deleted (${reason}). Delete ${id}.jsonl and ${id}.*.jsonl in the logs folder by hand.`);
      });
      return { removed: true as const };
    },
    'servers.setEnabled': async ({ id, enabled }) => {
      const definition = this.definition(id);
      this.setServerFlag(definition, { enabled });
      if (!enabled) await this.supervisorFor(id).stop();
      else await this.supervisorFor(id).start();
      return this.summary(id);
    },
    'servers.setAutostart': async ({ id, autostart }) => {
      this.setServerFlag(this.definition(id), { autostart });
      return this.summary(id);
    },
    'servers.setEnv': async ({ id, env }) => {
      const definition = this.definition(id);
      const secretNames = new Set(definition.secretEnv);
      const clash = Object.keys(env).find((name) => secretNames.has(name));
      if (clash) throw new ContractError('invalid_input', `${clash} is a secret of "${id}": set it with "mcp-tray secrets set ${id} ${clash}", not as plain environment.`);
      const next = { ...definition.env };
      for (const [name, value] of Object.entries(env)) {
        if (value === null) delete next[name];
        else next[name] = value;
      }
      if (definition.kind === 'custom') {
        this.updateSettings((current) => ({
          ...current,
          customServers: current.customServers.map((server) => (server.id === id ? { ...server, env: next } : server)),
        }));
      } else {
        this.updateSettings((current) => ({ ...current, servers: { ...current.servers, [id]: { ...current.servers[id], env: next } } }));
      }
      await this.applyToRunning(id, 'the new environment');
      return this.summary(id);
    },
    'health.get': async ({ id }) => {
      this.definition(id);
      return this.supervisorFor(id).health();
    },
    'logs.query': async (query) => {
      if (query.serverId) this.definition(query.serverId);
      return { entries: this.logs.query(query) };
    },
    'logs.storage': async ({ serverId }) => this.logs.storageOf(this.definition(serverId).id),
    'tools.list': async ({ serverId }) => ({ tools: this.runningLists(serverId).tools }),
    'tools.call': async ({ serverId, name, arguments: args, callId, timeoutMs }) => {
      const supervisor = this.supervisorFor(this.definition(serverId).id);
      const tool = supervisor.lists?.tools.find((candidate) => candidate.name === name);
      if (tool && requiresTaskExecution(tool)) throw new ContractError('invalid_input', `${name}: ${TASK_REQUIRED_REASON}`);
      const id = callId ?? this.nextCallId();
      if (this.callOwners.has(id)) throw new ContractError('conflict', `A call with id "${id}" is already running.`);
      this.callOwners.set(id, supervisor);
      const startedAt = performance.now();
      try {
        const result = await supervisor.callTool({ name, arguments: args, callId: id, timeoutMs });
        return { callId: id, durationMs: Math.round((performance.now() - startedAt) * 100) / 100, result };
      } finally {
        this.callOwners.delete(id);
      }
    },
    'calls.cancel': async ({ callId }) => ({ cancelled: this.callOwners.get(callId)?.cancelCall(callId) ?? false }),
    'resources.list': async ({ serverId }) => {
      const lists = this.runningLists(serverId);
      return { resources: lists.resources, resourceTemplates: lists.resourceTemplates };
    },
    'resources.read': async ({ serverId, uri }) => this.supervisorFor(this.definition(serverId).id).readResource(uri),
    'prompts.list': async ({ serverId }) => ({ prompts: this.runningLists(serverId).prompts }),
    'prompts.get': async ({ serverId, name, arguments: args }) => this.supervisorFor(this.definition(serverId).id).getPrompt(name, args),
    'secrets.list': async ({ serverId }) => {
      const definitions = serverId ? [this.definition(serverId)] : this.definitions();
      const secrets = [];
      for (const definition of definitions) {
        for (const name of definition.secretEnv) {
          secrets.push({ serverId: definition.id, name, isSet: await this.options.secrets.has(definition.id, name) });
        }
      }
      return { secrets, keychainService: this.options.secrets.service };
    },
    'secrets.set': async ({ serverId, name, value }) => {
      this.requireDeclaredSecret(serverId, name);
      await this.options.secrets.set(serverId, name, value);
      await this.applyToRunning(serverId, `the new ${name}`);
      return { serverId, name, isSet: true };
    },
    'secrets.delete': async ({ serverId, name }) => {
      this.requireDeclaredSecret(serverId, name);
      await this.options.secrets.delete(serverId, name);
      await this.applyToRunning(serverId, `the removal of ${name}`);
      return { serverId, name, isSet: false };
    },
    'clients.list': async () => this.clients.list(),
    'clients.preview': async (input) => this.clients.preview(input),
    'clients.register': async (input) => this.clients.register(input),
    'clients.unregister': async (input) => this.clients.unregister(input),
    'clients.repair': async (input) => this.clients.repair(input),
    'settings.get': async () => this.snapshot.app,
    'settings.update': async (patch) => {
      this.snapshot = this.settings.update((current) => ({ ...current, app: { ...current.app, ...patch } }));
      this.logs.setBufferSize(this.snapshot.app.logBufferSize);
      return this.snapshot.app;
    },
  };

  private runningLists(serverId: string) {
    const supervisor = this.supervisorFor(this.definition(serverId).id);
    const lists = supervisor.lists;
    const { state } = supervisor.health();
    if (!lists || (state !== 'running' && state !== 'degraded')) {
      throw new ContractError('not_running', `Server "${serverId}" is ${state}. Start it first.`);
    }
    return lists;
  }

  private requireDeclaredSecret(serverId: string, name: string): void {
    const definition = this.definition(serverId);
    if (!definition.secretEnv.includes(name)) {
      const declared = definition.secretEnv.length > 0 ? definition.secretEnv.join(', ') : 'none';
      throw new ContractError('invalid_input', `"${serverId}" does not declare a secret named ${name} (it declares: ${declared}).`);
    }
  }

  private setServerFlag(definition: ServerDefinition, flag: { enabled?: boolean; autostart?: boolean }): void {
    if (definition.kind === 'custom') {
      this.updateSettings((current) => ({
        ...current,
        customServers: current.customServers.map((server) => (server.id === definition.id ? { ...server, ...flag } : server)),
      }));
    } else {
      this.updateSettings((current) => ({
        ...current,
        servers: { ...current.servers, [definition.id]: { env: {}, ...current.servers[definition.id], ...flag } },
      }));
    }
  }
}
