/**
 * Pinned tool definitions of custom servers. The first tool list seen from a server is pinned as
 * approved (adding the server is the approval). From then on a tool whose definition differs from
 * its pin, or a tool that was not there, is held back from clients until the user approves it; a
 * tool that went away is shown as a change but holds nothing back.
 */
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { ContractError, type ToolChange } from '../shared/contract';
import { messageOf } from '../shared/error-message';
import { describeChange, pinnedDefinition, sameDefinition, type PinnedTool } from './tool-pin-definition';
import { loadToolPins, saveToolPins, type ServerPins } from './tool-pins-file';
import { toolsCommandLine } from './tool-command-words';

export interface ToolPinsOptions {
  /** Where the pins are kept: `<data folder>/tool-pins.json`. */
  file: string;
  /** The custom servers that exist: when the pin file was lost, their tools are held until approved again. */
  knownServers: () => readonly string[];
  onWarning?: (message: string) => void;
  now?: () => Date;
}

export interface PinnedChanges {
  approvedAt: string | null;
  changes: ToolChange[];
  held: string[];
}

/** The tool list last seen from one process of a server, as definitions to compare. */
interface SeenTools {
  source: readonly Tool[];
  byName: Map<string, PinnedTool>;
}

/** The process a tool list came from: the server's shared one, or a client session's own. */
export const SHARED_PROCESS = 'shared';

const NONE_HELD: ReadonlySet<string> = new Set();

/**
 * The tools of every process of a server, one definition per name: a definition that differs from
 * its pin wins over one that matches, and among those the most recently listed wins.
 */
function mergedTools(processes: ReadonlyMap<string, SeenTools> | undefined, approved: ServerPins | undefined): Map<string, PinnedTool> {
  const merged = new Map<string, PinnedTool>();
  for (const seen of processes?.values() ?? []) {
    for (const [name, current] of seen.byName) {
      const pinned = approved?.tools[name];
      if (!merged.has(name) || !pinned || !sameDefinition(pinned, current)) merged.set(name, current);
    }
  }
  return merged;
}

export class ToolPins {
  /** By server, then by process, in the order the processes last listed. */
  private readonly seen = new Map<string, Map<string, SeenTools>>();
  private readonly held = new Map<string, ReadonlySet<string>>();
  private readonly listeners = new Set<(serverId: string, held: string[]) => void>();
  private readonly onWarning: (message: string) => void;
  private readonly now: () => Date;

  private constructor(
    private readonly file: string,
    private pins: Record<string, ServerPins>,
    options: ToolPinsOptions,
  ) {
    this.onWarning = options.onWarning ?? (() => {});
    this.now = options.now ?? (() => new Date());
  }

  static open(options: ToolPinsOptions): ToolPins {
    const loaded = loadToolPins(options.file);
    if (loaded.kind !== 'moved-aside') return new ToolPins(options.file, loaded.kind === 'valid' ? loaded.servers : {}, options);
    // What the lost file approved is unknown: nothing the servers show now is trusted until the user approves it.
    const servers = options.knownServers();
    const pins = new ToolPins(options.file, Object.fromEntries(servers.map((serverId) => [serverId, { approvedAt: null, tools: {} }])), options);
    pins.persistOrWarn();
    const example = servers[0] ?? '<id>';
    options.onWarning?.(
      `The pinned tool definitions in ${options.file} could not be used: ${loaded.reason}. It was moved to ${loaded.asidePath}. The tools of custom servers are held back from clients until you approve them again: see ${toolsCommandLine(example, '--changes')}.`,
    );
    return pins;
  }

  /**
   * The tool list one process of a server shows now: pinned as approved the first time the server
   * is seen, compared with the pins after that. Each process keeps its own list, so a
   * per-session process never hides or releases what another process shows.
   */
  observe(serverId: string, tools: readonly Tool[], process = SHARED_PROCESS): void {
    const processes = this.seen.get(serverId) ?? new Map<string, SeenTools>();
    if (processes.get(process)?.source === tools) return;
    processes.delete(process);
    processes.set(process, { source: tools, byName: new Map(tools.map((tool) => [tool.name, pinnedDefinition(tool)])) });
    this.seen.set(serverId, processes);
    this.pinFirst(serverId, tools);
    this.updateHeld(serverId);
  }

  /** A process that ended: its list no longer holds anything back. */
  forget(serverId: string, process: string): void {
    const processes = this.seen.get(serverId);
    if (!processes?.delete(process)) return;
    if (processes.size === 0) this.seen.delete(serverId);
    this.updateHeld(serverId);
  }

  /** Pins a server's tools as approved when nothing of it is pinned yet (adding the server is the approval). */
  pinFirst(serverId: string, tools: readonly Tool[]): void {
    if (this.pins[serverId]) return;
    this.pins[serverId] = { approvedAt: this.now().toISOString(), tools: Object.fromEntries(tools.map((tool) => [tool.name, pinnedDefinition(tool)])) };
    this.persistOrWarn();
  }

  /** Whether this definition of a tool is held back: new since the approval, or changed; undefined when it is as approved. */
  heldDefinition(serverId: string, tool: Tool): 'added' | 'changed' | undefined {
    const approved = this.pins[serverId];
    if (!approved) return undefined;
    const pinned = approved.tools[tool.name];
    if (!pinned) return 'added';
    return sameDefinition(pinned, pinnedDefinition(tool)) ? undefined : 'changed';
  }

  isHeld(serverId: string, tool: string): boolean {
    return (this.held.get(serverId) ?? NONE_HELD).has(tool);
  }

  /** Why a held tool is held: it is new since the approval, or its definition changed. */
  heldAs(serverId: string, tool: string): 'added' | 'changed' | undefined {
    if (!this.isHeld(serverId, tool)) return undefined;
    return this.pins[serverId]?.tools[tool] ? 'changed' : 'added';
  }

  /** The names of a server's approved tools; undefined while nothing of it is pinned. */
  pinnedNames(serverId: string): string[] | undefined {
    const approved = this.pins[serverId];
    return approved ? Object.keys(approved.tools) : undefined;
  }

  heldTools(serverId: string): string[] {
    return [...(this.held.get(serverId) ?? NONE_HELD)];
  }

  /** How the tools last seen differ from the approved ones; nothing while the server has not been seen. */
  changes(serverId: string): PinnedChanges {
    const approved = this.pins[serverId];
    const changes: ToolChange[] = [];
    if (approved && this.seen.has(serverId)) {
      const seen = mergedTools(this.seen.get(serverId), approved);
      for (const [name, current] of seen) {
        const change = describeChange(approved.tools[name], current);
        if (change) changes.push(change);
      }
      for (const [name, pinned] of Object.entries(approved.tools)) {
        if (!seen.has(name)) changes.push(describeChange(pinned, undefined) as ToolChange);
      }
    }
    return { approvedAt: approved?.approvedAt ?? null, changes, held: this.heldTools(serverId) };
  }

  /** Pins the current definitions of the tools named, or of every changed tool. */
  approve(serverId: string, tools?: readonly string[]): PinnedChanges {
    const processes = this.seen.get(serverId);
    const changed = this.changes(serverId).changes.map((change) => change.tool);
    const chosen = tools ?? changed;
    const unknown = chosen.filter((name) => !changed.includes(name));
    if (unknown.length > 0) {
      const listed = changed.length > 0 ? `Changed tools: ${changed.join(', ')}.` : 'No tool has changed since the last approval.';
      throw new ContractError('invalid_input', `Nothing to approve for ${unknown.map((name) => `"${name}"`).join(', ')} on "${serverId}". ${listed}`);
    }
    if (!processes || chosen.length === 0) return this.changes(serverId);
    const before = this.pins[serverId];
    const seen = mergedTools(processes, before);
    const approvedTools = { ...before?.tools };
    for (const name of chosen) {
      const current = seen.get(name);
      if (current) approvedTools[name] = current;
      else delete approvedTools[name];
    }
    this.pins[serverId] = { approvedAt: this.now().toISOString(), tools: approvedTools };
    try {
      saveToolPins(this.file, this.pins);
    } catch (error) {
      if (before) this.pins[serverId] = before;
      else delete this.pins[serverId];
      throw error;
    }
    this.updateHeld(serverId);
    return this.changes(serverId);
  }

  /** Drops the pins of servers that no longer exist, so one added again under the same id is approved anew. */
  keepOnly(serverIds: ReadonlySet<string>): void {
    const gone = [...new Set([...Object.keys(this.pins), ...this.seen.keys()])].filter((serverId) => !serverIds.has(serverId));
    if (gone.length === 0) return;
    for (const serverId of gone) {
      delete this.pins[serverId];
      this.seen.delete(serverId);
    }
    this.persistOrWarn();
    for (const serverId of gone) this.updateHeld(serverId);
  }

  /** Told the held tools of a server whenever they change. */
  onHeldChange(listener: (serverId: string, held: string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private updateHeld(serverId: string): void {
    const approved = this.pins[serverId];
    const next = new Set<string>();
    if (approved) {
      for (const [name, current] of mergedTools(this.seen.get(serverId), approved)) {
        const pinned = approved.tools[name];
        if (!pinned || !sameDefinition(pinned, current)) next.add(name);
      }
    }
    const previous = this.held.get(serverId) ?? NONE_HELD;
    if (next.size === previous.size && [...next].every((name) => previous.has(name))) return;
    if (next.size > 0) this.held.set(serverId, next);
    else this.held.delete(serverId);
    for (const listener of this.listeners) {
      try {
        listener(serverId, [...next]);
      } catch {
        // A broken listener must not stop the others.
      }
    }
  }

  private persistOrWarn(): void {
    try {
      saveToolPins(this.file, this.pins);
    } catch (error) {
      this.onWarning(messageOf(error));
    }
  }
}
