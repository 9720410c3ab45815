/**
 * Pinned tool definitions of custom servers. The first tool list seen from a server is pinned as
 * approved (adding the server is the approval). From then on a tool whose definition differs from
 * its pin, or a tool that was not there, is held back from clients until the user approves it; a
 * tool that went away is shown as a change but holds nothing back.
 */
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { ContractError, type ToolChange } from '../shared/contract';
import { messageOf } from '../shared/error-message';
import { canonicalJson, describeChange, pinnedDefinition, type PinnedTool } from './tool-pin-definition';
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

/** The tool list last seen from a server, as definitions to compare. */
interface SeenTools {
  source: readonly Tool[];
  byName: Map<string, PinnedTool>;
}

const NONE_HELD: ReadonlySet<string> = new Set();

export class ToolPins {
  private readonly seen = new Map<string, SeenTools>();
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

  /** A server's current tool list: pinned as approved the first time, compared with the pins after that. */
  observe(serverId: string, tools: readonly Tool[]): void {
    if (this.seen.get(serverId)?.source === tools) return;
    this.seen.set(serverId, { source: tools, byName: new Map(tools.map((tool) => [tool.name, pinnedDefinition(tool)])) });
    if (!this.pins[serverId]) {
      this.pins[serverId] = { approvedAt: this.now().toISOString(), tools: Object.fromEntries(tools.map((tool) => [tool.name, pinnedDefinition(tool)])) };
      this.persistOrWarn();
    }
    this.updateHeld(serverId);
  }

  isHeld(serverId: string, tool: string): boolean {
    return (this.held.get(serverId) ?? NONE_HELD).has(tool);
  }

  /** Why a held tool is held: it is new since the approval, or its definition changed. */
  heldAs(serverId: string, tool: string): 'added' | 'changed' | undefined {
    if (!this.isHeld(serverId, tool)) return undefined;
    return this.pins[serverId]?.tools[tool] ? 'changed' : 'added';
  }

  heldTools(serverId: string): string[] {
    return [...(this.held.get(serverId) ?? NONE_HELD)];
  }

  /** How the tools last seen differ from the approved ones; nothing while the server has not been seen. */
  changes(serverId: string): PinnedChanges {
    const approved = this.pins[serverId];
    const seen = this.seen.get(serverId);
    const changes: ToolChange[] = [];
    if (approved && seen) {
      for (const [name, current] of seen.byName) {
        const change = describeChange(approved.tools[name], current);
        if (change) changes.push(change);
      }
      for (const [name, pinned] of Object.entries(approved.tools)) {
        if (!seen.byName.has(name)) changes.push(describeChange(pinned, undefined) as ToolChange);
      }
    }
    return { approvedAt: approved?.approvedAt ?? null, changes, held: this.heldTools(serverId) };
  }

  /** Pins the current definitions of the tools named, or of every changed tool. */
  approve(serverId: string, tools?: readonly string[]): PinnedChanges {
    const seen = this.seen.get(serverId);
    const changed = this.changes(serverId).changes.map((change) => change.tool);
    const chosen = tools ?? changed;
    const unknown = chosen.filter((name) => !changed.includes(name));
    if (unknown.length > 0) {
      const listed = changed.length > 0 ? `Changed tools: ${changed.join(', ')}.` : 'No tool has changed since the last approval.';
      throw new ContractError('invalid_input', `Nothing to approve for ${unknown.map((name) => `"${name}"`).join(', ')} on "${serverId}". ${listed}`);
    }
    if (!seen || chosen.length === 0) return this.changes(serverId);
    const before = this.pins[serverId];
    const approvedTools = { ...before?.tools };
    for (const name of chosen) {
      const current = seen.byName.get(name);
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
    const seen = this.seen.get(serverId);
    const next = new Set<string>();
    if (approved && seen) {
      for (const [name, current] of seen.byName) {
        const pinned = approved.tools[name];
        if (!pinned || canonicalJson(pinned) !== canonicalJson(current)) next.add(name);
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
