/**
 * The tool exposure the manager uses: a client is shown, and may call, a server's tool unless it is
 * turned off for every client, turned off for that client, or held back because its definition
 * changed since the user approved it (custom servers only: bundled ones ship with MCP Tray).
 */
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { ToolAccess, ToolChanges } from '../shared/contract';
import type { ToolExposure } from './tool-exposure';
import type { ToolSwitches } from './tool-access';
import type { ToolPins } from './tool-pins';
import { ContractError } from '../shared/contract';
import { closeNames } from './tool-access-names';
import { commandWord, toolsCommandLine } from './tool-command-words';

export interface ManagedToolExposureOptions {
  switches: ToolSwitches;
  pins: ToolPins;
  /** True for servers whose definitions are pinned: the custom ones. */
  isPinned(serverId: string): boolean;
  /** A client's call refused because the tool is off for it or held back: the manager logs it as a call. */
  onRefused?(serverId: string, client: string, tool: string, reason: string): void;
}

export class ManagedToolExposure implements ToolExposure {
  private readonly switches: ToolSwitches;
  private readonly pins: ToolPins;
  private readonly isPinned: (serverId: string) => boolean;
  private readonly onRefused: NonNullable<ManagedToolExposureOptions['onRefused']>;
  /** The tool names each server's processes listed while the manager runs. */
  private readonly listedNames = new Map<string, Set<string>>();

  constructor(options: ManagedToolExposureOptions) {
    this.switches = options.switches;
    this.pins = options.pins;
    this.isPinned = options.isPinned;
    this.onRefused = options.onRefused ?? (() => {});
  }

  /** Judges the definitions in the list given, the one the client is shown, whichever process it came from. */
  visible(serverId: string, client: string, tools: readonly Tool[]): Tool[] {
    const pinned = this.isPinned(serverId);
    if (pinned) this.pins.pinFirst(serverId, tools);
    return tools.filter((tool) => this.switches.offFor(serverId, client, tool.name) === undefined && !(pinned && this.pins.heldDefinition(serverId, tool) !== undefined));
  }

  /**
   * Judges the definition the caller's own process lists for the tool; without one (a tool missing
   * from its list), what any process of the server shows under that name.
   */
  refusal(serverId: string, client: string, tool: string, definition?: Tool): string | undefined {
    const reason = this.refusalReason(serverId, client, tool, definition);
    if (reason !== undefined) this.onRefused(serverId, client, tool, reason);
    return reason;
  }

  private refusalReason(serverId: string, client: string, tool: string, definition?: Tool): string | undefined {
    const off = this.switches.refusal(serverId, client, tool);
    if (off !== undefined || !this.isPinned(serverId)) return off;
    const held = definition ? this.pins.heldDefinition(serverId, definition) : this.pins.heldAs(serverId, tool);
    if (held === undefined) return undefined;
    const what = held === 'added' ? `"${tool}" is new on "${serverId}"` : `The definition of "${tool}" on "${serverId}" changed`;
    return `${what} since you approved its tools, so MCP Tray holds it back from clients. See the change with: ${toolsCommandLine(serverId, '--changes')}; approve it in MCP Tray (Tools tab) or with: ${toolsCommandLine(serverId, '--approve', commandWord(tool))}`;
  }

  noteClient(serverId: string, client: string): void {
    this.switches.noteClient(serverId, client);
  }

  onChange(listener: (serverId: string) => void): () => void {
    const stopSwitches = this.switches.onChange(listener);
    const stopPins = this.pins.onHeldChange((serverId) => listener(serverId));
    return () => {
      stopSwitches();
      stopPins();
    };
  }

  /** Told the held tools of a server whenever they change. */
  onHeld(listener: (serverId: string, held: string[]) => void): () => void {
    return this.pins.onHeldChange(listener);
  }

  /** A server's tool list as one of its processes shows it: the shared one, or a session's own. */
  observe(serverId: string, tools: readonly Tool[], process?: string): void {
    const names = this.listedNames.get(serverId) ?? new Set<string>();
    for (const tool of tools) names.add(tool.name);
    this.listedNames.set(serverId, names);
    if (this.isPinned(serverId)) this.pins.observe(serverId, tools, process);
  }

  /** A session's own process ended: its tool list holds nothing back any more. */
  forgetProcess(serverId: string, process: string): void {
    this.pins.forget(serverId, process);
  }

  access(serverId: string): ToolAccess {
    return this.switches.access(serverId);
  }

  /** Refuses a tool the server is not known to have, unless a switch names it already (so it can be turned back on). */
  setEnabled(serverId: string, tool: string, enabled: boolean, client?: string): ToolAccess {
    const known = this.knownTools(serverId);
    if (known && !known.has(tool) && !this.switchesName(serverId, tool)) {
      const close = closeNames(tool, known);
      const hint = close.length > 0 ? ` Did you mean ${close.map((name) => `"${name}"`).join(', ')}?` : '';
      throw new ContractError('invalid_input', `"${serverId}" has no tool named "${tool}".${hint} See its tools with: ${toolsCommandLine(serverId)}`);
    }
    return this.switches.setEnabled(serverId, tool, enabled, client);
  }

  /** The tools a server has, as far as the manager knows: listed while it runs, or pinned when last approved; undefined when unknown. */
  private knownTools(serverId: string): ReadonlySet<string> | undefined {
    const listed = this.listedNames.get(serverId);
    const pinned = this.isPinned(serverId) ? this.pins.pinnedNames(serverId) : undefined;
    if (!listed && !pinned) return undefined;
    return new Set([...(listed ?? []), ...(pinned ?? [])]);
  }

  private switchesName(serverId: string, tool: string): boolean {
    const access = this.switches.access(serverId);
    return access.offForAll.includes(tool) || Object.values(access.offByClient).some((tools) => tools.includes(tool));
  }

  changes(serverId: string): ToolChanges {
    if (!this.isPinned(serverId)) return { serverId, pinned: false, approvedAt: null, changes: [], held: [] };
    return { serverId, pinned: true, ...this.pins.changes(serverId) };
  }

  approve(serverId: string, tools?: readonly string[]): ToolChanges {
    if (!this.isPinned(serverId)) return this.changes(serverId);
    return { serverId, pinned: true, ...this.pins.approve(serverId, tools) };
  }

  /** Forgets the switches and pins of servers that no longer exist. */
  keepOnly(serverIds: readonly string[]): void {
    const kept = new Set(serverIds);
    this.switches.keepOnly(kept);
    this.pins.keepOnly(kept);
    for (const serverId of this.listedNames.keys()) if (!kept.has(serverId)) this.listedNames.delete(serverId);
  }
}
