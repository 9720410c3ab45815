/**
 * Tools turned off per server, for every client or for one client, kept in settings.json under
 * `toolAccess`. A client is not shown a tool that is off for it, and a call to one is refused with
 * a sentence that says where to turn it back on.
 */
import { ClientIdSchema, ClientNameSchema, ContractError, type ToolAccess } from '../shared/contract';
import { messageOf } from '../shared/error-message';
import type { PersistedSettings, SettingsStore } from './settings';
import type { ServerToolAccess } from './tool-access-schema';
import { clientKey } from './tool-access-names';
import { commandWord, toolsCommandLine } from './tool-command-words';

/** The most client names remembered per server; the oldest is forgotten first. */
const MAX_CLIENTS_SEEN = 200;

interface Switches {
  offForAll: ReadonlySet<string>;
  /** By client name in lower case: a client is the same whatever the case of its name. */
  offByClient: ReadonlyMap<string, ReadonlySet<string>>;
}

const NOTHING_OFF: Switches = { offForAll: new Set(), offByClient: new Map() };

function switchesOf(access: ServerToolAccess): Switches {
  const offByClient = new Map<string, Set<string>>();
  for (const [client, tools] of Object.entries(access.offByClient)) {
    const off = offByClient.get(clientKey(client)) ?? new Set<string>();
    for (const tool of tools) off.add(tool);
    offByClient.set(clientKey(client), off);
  }
  return { offForAll: new Set(access.offForAll), offByClient };
}

/** The name a client is saved under: the first one given, whatever the case of later ones. */
function savedName(names: Iterable<string>, client: string): string | undefined {
  for (const name of names) if (clientKey(name) === clientKey(client)) return name;
  return undefined;
}

function emptyAccess(): ServerToolAccess {
  return { offForAll: [], offByClient: {}, clientsSeen: [] };
}

function withTool(tools: readonly string[], tool: string, present: boolean): string[] {
  const others = tools.filter((name) => name !== tool);
  return present ? [...others, tool] : others;
}

export interface ToolSwitchesOptions {
  settings: SettingsStore;
  /** The client ids MCP Tray registers with, always offered as choices. */
  registeredClients?: readonly string[];
  onWarning?: (message: string) => void;
}

export class ToolSwitches {
  private readonly settings: SettingsStore;
  private readonly registeredClients: readonly string[];
  private readonly onWarning: (message: string) => void;
  private saved: PersistedSettings['toolAccess'];
  /** Looked up on every listed tool and every call, so kept as sets. */
  private switches = new Map<string, Switches>();
  private readonly listeners = new Set<(serverId: string) => void>();

  constructor(options: ToolSwitchesOptions) {
    this.settings = options.settings;
    this.registeredClients = options.registeredClients ?? ClientIdSchema.options;
    this.onWarning = options.onWarning ?? (() => {});
    this.saved = options.settings.get().toolAccess;
    this.rebuild();
  }

  access(serverId: string): ToolAccess {
    const access = this.saved[serverId] ?? emptyAccess();
    const clients = [...access.clientsSeen, ...this.registeredClients.filter((id) => savedName(access.clientsSeen, id) === undefined)];
    return { serverId, offForAll: [...access.offForAll], offByClient: structuredClone(access.offByClient), clients };
  }

  /** Turns a tool on or off for every client (no client given) or for the one named. */
  setEnabled(serverId: string, tool: string, enabled: boolean, client?: string): ToolAccess {
    const current = this.saved[serverId] ?? emptyAccess();
    if (enabled && client !== undefined && current.offForAll.includes(tool)) {
      throw new ContractError(
        'conflict',
        `"${tool}" is turned off for every client. Turn it on for all first (${toolsCommandLine(serverId, '--enable', commandWord(tool))}), then turn it off for the clients that should not have it.`,
      );
    }
    const next: ServerToolAccess =
      client === undefined
        ? { ...current, offForAll: withTool(current.offForAll, tool, !enabled) }
        : { ...current, offByClient: this.offByClientWith(current.offByClient, client, tool, !enabled) };
    if (JSON.stringify(next) !== JSON.stringify(current)) {
      this.save((all) => ({ ...all, [serverId]: next }));
      this.tell(serverId);
    }
    return this.access(serverId);
  }

  /** Whether the tool is off for this client, and by which switch. */
  offFor(serverId: string, client: string, tool: string): 'every client' | 'this client' | undefined {
    const switches = this.switches.get(serverId) ?? NOTHING_OFF;
    if (switches.offForAll.has(tool)) return 'every client';
    if (switches.offByClient.get(clientKey(client))?.has(tool)) return 'this client';
    return undefined;
  }

  /** Why the client may not call the tool, saying where to turn it back on; undefined when it is on. */
  refusal(serverId: string, client: string, tool: string): string | undefined {
    const off = this.offFor(serverId, client, tool);
    if (off === undefined) return undefined;
    const forWhom = off === 'every client' ? 'every client' : client;
    const command = toolsCommandLine(serverId, '--enable', commandWord(tool), ...(off === 'this client' ? ['--client', commandWord(client)] : []));
    return `"${tool}" is turned off for ${forWhom} in MCP Tray. Turn it on in MCP Tray (Tools tab) or with: ${command}`;
  }

  /** Remembers a client name seen on the server, so it can be chosen; saved only when it is new. */
  noteClient(serverId: string, client: string): void {
    const name = ClientNameSchema.safeParse(client);
    if (!name.success) return;
    const current = this.saved[serverId] ?? emptyAccess();
    if (savedName(current.clientsSeen, name.data) !== undefined) return;
    const clientsSeen = [...current.clientsSeen, name.data].slice(-MAX_CLIENTS_SEEN);
    try {
      this.save((all) => ({ ...all, [serverId]: { ...current, clientsSeen } }));
    } catch (error) {
      this.onWarning(`Could not remember the client "${name.data}" of "${serverId}": ${messageOf(error)}`);
    }
  }

  /** Drops the switches of servers that no longer exist. */
  keepOnly(serverIds: ReadonlySet<string>): void {
    const gone = Object.keys(this.saved).filter((serverId) => !serverIds.has(serverId));
    if (gone.length === 0) return;
    this.save((all) => Object.fromEntries(Object.entries(all).filter(([serverId]) => serverIds.has(serverId))));
  }

  onChange(listener: (serverId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private offByClientWith(offByClient: Record<string, string[]>, client: string, tool: string, off: boolean): Record<string, string[]> {
    const name = savedName(Object.keys(offByClient), client) ?? client;
    const tools = withTool(offByClient[name] ?? [], tool, off);
    const next = { ...offByClient };
    if (tools.length > 0) next[name] = tools;
    else delete next[name];
    return next;
  }

  private save(change: (all: PersistedSettings['toolAccess']) => PersistedSettings['toolAccess']): void {
    this.saved = this.settings.update((current) => ({ ...current, toolAccess: change(current.toolAccess) })).toolAccess;
    this.rebuild();
  }

  private rebuild(): void {
    this.switches = new Map(Object.entries(this.saved).map(([serverId, access]) => [serverId, switchesOf(access)]));
  }

  private tell(serverId: string): void {
    for (const listener of this.listeners) {
      try {
        listener(serverId);
      } catch {
        // A broken listener must not undo a saved switch.
      }
    }
  }
}
