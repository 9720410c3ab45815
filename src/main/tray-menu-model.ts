/**
 * The tray menu as plain data: which lines, which are enabled or checked, and what each does.
 * tray-controller.ts turns it into an Electron Menu; keeping it pure lets tests read the menu
 * exactly as a person would see it.
 */
import type { AppSettings, ServerState, ServerSummary } from '../shared/contract';
import { heldToolsLabel } from './held-tools';

export type TrayAction =
  | { type: 'start-server'; serverId: string }
  | { type: 'stop-server'; serverId: string }
  | { type: 'restart-server'; serverId: string }
  | { type: 'open-window' }
  | { type: 'register-claude-desktop' }
  | { type: 'set-start-at-login'; enabled: boolean }
  | { type: 'quit' };

export type TrayMenuEntry =
  | { kind: 'action'; label: string; enabled: boolean; action: TrayAction }
  /** A line that informs and does nothing when clicked. */
  | { kind: 'note'; label: string }
  | { kind: 'checkbox'; label: string; checked: boolean; enabled: boolean; action: TrayAction }
  | { kind: 'submenu'; label: string; entries: TrayMenuEntry[] }
  | { kind: 'separator' };

interface TrayMenuInput {
  servers: readonly ServerSummary[];
  settings: Pick<AppSettings, 'startAtLogin'>;
  /** Why start at login cannot be changed here (e.g. a development build), or undefined when it can. */
  startAtLoginUnavailable?: string | undefined;
  /** True while "Add to Claude Desktop" is writing, so a second click cannot race the first. */
  registeringClaudeDesktop?: boolean;
  /** Tools held back from clients until approved, by server id. */
  heldTools?: ReadonlyMap<string, readonly string[]>;
}

/** Menu text longer than this is cut: some desktops make the whole menu as wide as its widest line. */
const MAX_NOTE_CHARS = 90;

const STATE_WORDS: Record<ServerState, string> = {
  stopped: 'stopped',
  starting: 'starting…',
  running: 'running',
  degraded: 'not responding',
  backoff: 'crashed, restarting soon',
  failed: 'failed',
};

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_NOTE_CHARS ? `${oneLine.slice(0, MAX_NOTE_CHARS - 1)}…` : oneLine;
}

function serverStateWords(server: Pick<ServerSummary, 'enabled' | 'health'>): string {
  if (!server.enabled && server.health.state === 'stopped') return 'disabled';
  return STATE_WORDS[server.health.state];
}

const CAN_START: readonly ServerState[] = ['stopped', 'failed', 'backoff'];
const CAN_STOP: readonly ServerState[] = ['starting', 'running', 'degraded', 'backoff'];
const CAN_RESTART: readonly ServerState[] = ['running', 'degraded', 'failed', 'backoff'];

function serverEntry(server: ServerSummary, heldCount: number): TrayMenuEntry {
  const { state, error } = server.health;
  const entries: TrayMenuEntry[] = [];
  if (!server.enabled) entries.push({ kind: 'note', label: 'Disabled: enable it in the MCP Tray window' });
  else if (error) entries.push({ kind: 'note', label: shorten(error) });
  if (heldCount > 0) entries.push({ kind: 'action', label: `${heldToolsLabel(heldCount)}: review…`, enabled: true, action: { type: 'open-window' } });
  entries.push(
    { kind: 'action', label: 'Start', enabled: server.enabled && CAN_START.includes(state), action: { type: 'start-server', serverId: server.id } },
    { kind: 'action', label: 'Stop', enabled: CAN_STOP.includes(state), action: { type: 'stop-server', serverId: server.id } },
    { kind: 'action', label: 'Restart', enabled: server.enabled && CAN_RESTART.includes(state), action: { type: 'restart-server', serverId: server.id } },
  );
  const held = heldCount > 0 ? ` (${heldToolsLabel(heldCount)})` : '';
  return { kind: 'submenu', label: `${server.name}: ${serverStateWords(server)}${held}`, entries };
}

export function buildTrayMenuModel(input: TrayMenuInput): TrayMenuEntry[] {
  const heldCount = (serverId: string) => input.heldTools?.get(serverId)?.length ?? 0;
  const serverEntries: TrayMenuEntry[] =
    input.servers.length > 0 ? input.servers.map((server) => serverEntry(server, heldCount(server.id))) : [{ kind: 'note', label: 'No servers yet' }];
  const totalHeld = input.servers.reduce((sum, server) => sum + heldCount(server.id), 0);
  // Above everything, so it is seen: clients miss these tools until the person approves them.
  const heldLine: TrayMenuEntry[] =
    totalHeld > 0 ? [{ kind: 'action', label: `${heldToolsLabel(totalHeld)}: review in MCP Tray`, enabled: true, action: { type: 'open-window' } }, { kind: 'separator' }] : [];
  const startAtLogin: TrayMenuEntry = {
    kind: 'checkbox',
    label: input.startAtLoginUnavailable ? `Start at login (${input.startAtLoginUnavailable})` : 'Start at login',
    checked: input.settings.startAtLogin,
    enabled: input.startAtLoginUnavailable === undefined,
    action: { type: 'set-start-at-login', enabled: !input.settings.startAtLogin },
  };
  return [
    ...heldLine,
    ...serverEntries,
    { kind: 'separator' },
    { kind: 'action', label: 'Open MCP Tray', enabled: true, action: { type: 'open-window' } },
    {
      kind: 'action',
      label: input.registeringClaudeDesktop ? 'Adding to Claude Desktop…' : 'Add to Claude Desktop',
      enabled: !input.registeringClaudeDesktop,
      action: { type: 'register-claude-desktop' },
    },
    { kind: 'separator' },
    startAtLogin,
    { kind: 'separator' },
    { kind: 'action', label: 'Quit MCP Tray', enabled: true, action: { type: 'quit' } },
  ];
}
