import path from 'node:path';
import { BUNDLED_SERVERS } from '../shared/vocabulary';
import type { Runtime } from '../shared/node/server-env';
import { ContractError, type AppSettings, type CustomServer, type ServerDefinition } from '../shared/contract';
import { ServerOverridesSchema, type PersistedSettings, type PersistedSettingsInput, type SettingsStore } from './settings';

function isBundledId(id: string): boolean {
  return BUNDLED_SERVERS.some((server) => server.id === id);
}

/** Every server the manager knows, bundled first, with the user's overrides applied. */
export function listDefinitions(settings: PersistedSettings, runtime: Runtime): ServerDefinition[] {
  const bundled = BUNDLED_SERVERS.map((server): ServerDefinition => {
    const overrides = settings.servers[server.id];
    return {
      id: server.id,
      name: server.name,
      description: server.description,
      kind: 'bundled',
      command: runtime.execPath,
      args: [path.join(runtime.serversDir, `${server.id}.js`)],
      env: overrides?.env ?? {},
      secretEnv: [...server.secretEnv],
      enabled: overrides?.enabled ?? true,
      autostart: overrides?.autostart ?? true,
      // We wrote these servers: they keep no per-session state, so every client shares the one process.
      sharing: overrides?.sharing ?? 'shared',
      roots: overrides?.roots ?? [],
    };
  });
  return [...bundled, ...settings.customServers.map(customDefinition)];
}

/** A definition that callers may share but not edit: its args, env and secretEnv are frozen too. */
function frozenDefinition(definition: ServerDefinition): ServerDefinition {
  Object.freeze(definition.args);
  Object.freeze(definition.env);
  Object.freeze(definition.secretEnv);
  return Object.freeze(definition);
}

export function customDefinition(server: CustomServer): ServerDefinition {
  return {
    id: server.id,
    name: server.name,
    description: [server.command, ...server.args].join(' '),
    kind: 'custom',
    command: server.command,
    args: server.args,
    env: server.env,
    secretEnv: server.secretEnv,
    enabled: server.enabled,
    autostart: server.autostart,
    sharing: server.sharing,
    roots: server.roots,
  };
}

/** A change to one server's settings. */
type ServerChange = Partial<Omit<CustomServer, 'id'>>;

const BUNDLED_OVERRIDE_KEYS: ReadonlySet<string> = new Set(Object.keys(ServerOverridesSchema.shape));

function refuseBundledEdit(id: string): never {
  throw new ContractError('invalid_input', `"${id}" is a bundled server: it can be disabled, not edited or removed.`);
}

/**
 * The servers as the settings describe them, and the one owner of the settings snapshot: every
 * call and health check reads it, so it is kept rather than copied out of the store each time, and
 * the definitions built from it are rebuilt only when the settings change.
 */
export class ServerCatalog {
  private snapshot: PersistedSettings;
  private built: { snapshot: PersistedSettings; list: ServerDefinition[]; byId: Map<string, ServerDefinition> } | undefined;

  constructor(
    private readonly store: SettingsStore,
    private readonly runtime: Runtime,
    /** Told after every change to the servers, with the ids of all of them. */
    private readonly onServersChanged: (serverIds: string[]) => void,
  ) {
    this.snapshot = store.get();
  }

  get app(): AppSettings {
    return this.snapshot.app;
  }

  list(): ServerDefinition[] {
    return this.current().list;
  }

  get(id: string): ServerDefinition {
    const definition = this.current().byId.get(id);
    if (!definition) throw new ContractError('not_found', `There is no server "${id}". Run "mcp-tray servers list" to see them.`);
    return definition;
  }

  /** Saves a change to the app settings; returns them as saved. */
  updateApp(change: Partial<AppSettings>): AppSettings {
    this.snapshot = this.store.update((current) => ({ ...current, app: { ...current.app, ...change } }));
    return this.snapshot.app;
  }

  /** The custom server `id`; a bundled one is refused, as it can be disabled but not edited or removed. */
  requireCustom(id: string): ServerDefinition {
    if (isBundledId(id)) refuseBundledEdit(id);
    return this.get(id);
  }

  /**
   * Changes one server's settings, bundled or custom alike: a bundled server's overrides take only
   * enabled, autostart and env; a custom server takes any of its fields. The store validates the result.
   */
  patch(id: string, change: ServerChange): void {
    const definition = this.get(id);
    if (definition.kind === 'bundled' && Object.keys(change).some((key) => !BUNDLED_OVERRIDE_KEYS.has(key))) refuseBundledEdit(id);
    this.updateServers((current) =>
      definition.kind === 'custom'
        ? { ...current, customServers: current.customServers.map((server) => (server.id === id ? { ...server, ...change } : server)) }
        : { ...current, servers: { ...current.servers, [id]: { ...current.servers[id], ...change } } },
    );
  }

  addCustom(server: CustomServer): void {
    this.updateServers((current) => ({ ...current, customServers: [...current.customServers, server] }));
  }

  removeCustom(id: string): void {
    this.updateServers((current) => ({ ...current, customServers: current.customServers.filter((server) => server.id !== id) }));
  }

  /** Saves a change to the servers (validated by the store), then says so. */
  private updateServers(mutate: (current: PersistedSettings) => PersistedSettingsInput): void {
    this.snapshot = this.store.update(mutate);
    this.onServersChanged(this.list().map((definition) => definition.id));
  }

  private current(): { list: ServerDefinition[]; byId: Map<string, ServerDefinition> } {
    if (this.built?.snapshot !== this.snapshot) {
      // Shared by every caller until the next settings change, so frozen against accidental edits.
      const list = listDefinitions(this.snapshot, this.runtime).map(frozenDefinition);
      this.built = { snapshot: this.snapshot, list, byId: new Map(list.map((definition) => [definition.id, definition])) };
    }
    return this.built;
  }
}
