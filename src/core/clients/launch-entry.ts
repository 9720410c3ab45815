/**
 * The command we write into a client's config for one server, and how we recognise it later.
 *
 * Recognition is by shape, never by an extra key (Claude Desktop, Cursor and others reject or drop
 * keys they do not know): an entry is ours when its args are exactly
 * `[<absolute path ending in mcp-tray-launcher.js>, <server id>]`. The command (our runtime) is not
 * part of the test, so an entry whose app moved or was updated is still recognised: as outdated.
 */
import path from 'node:path';
import { z } from 'zod';
import { ServerIdSchema } from '../../shared/contract';
import { CLIENT_NAME_VARIABLE, MANAGED_ENV_NAMES } from '../../shared/node/session-bus';

/** The launcher's built file name: distinctive, because recognising our entries depends on it. */
export const LAUNCHER_FILE_NAME = 'mcp-tray-launcher.js';

/** What a client runs: the same three fields every client's entry shape is built from. */
export interface LaunchCommand {
  command: string;
  args: string[];
  env: Record<string, string>;
}

/** Everything that decides the command we write; the same for every server of one installation. */
export interface LauncherSetup {
  /** Our runtime: node in a source checkout, the app binary under Electron. */
  execPath: string;
  /** Absolute path of the built launcher (out/host/mcp-tray-launcher.js). */
  launcherPath: string;
  /** The variables the entry must carry (see entry-environment.ts). */
  env: Record<string, string>;
}

/**
 * The entry for one server in one client's config. The client's id goes in MCP_TRAY_CLIENT, so the
 * manager knows which client a bridged session is; an older entry without it is still ours (the
 * args decide), and shows as outdated until repaired.
 */
export function launchCommandFor(serverId: string, setup: LauncherSetup, clientId: string): LaunchCommand {
  return { command: setup.execPath, args: [setup.launcherPath, serverId], env: { ...setup.env, [CLIENT_NAME_VARIABLE]: clientId } };
}

/** The last segment of a path written on any OS: a config may be shared or hand-copied between systems. */
function baseNameOnAnyOs(filePath: string): string {
  return path.win32.basename(filePath);
}

const LauncherEntrySchema = z.object({
  command: z.string(),
  args: z.tuple([z.string().refine((launcher) => baseNameOnAnyOs(launcher) === LAUNCHER_FILE_NAME), ServerIdSchema]),
  env: z.record(z.string(), z.string()).optional(),
  type: z.string().optional(),
});

/** The server an entry of ours launches, or undefined when the entry is someone else's. */
export function ourServerIdOf(entry: unknown): string | undefined {
  const parsed = LauncherEntrySchema.safeParse(entry);
  return parsed.success ? parsed.data.args[1] : undefined;
}

function envOf(entry: Record<string, unknown>): Record<string, string> {
  const parsed = z.record(z.string(), z.string()).safeParse(entry.env);
  return parsed.success ? parsed.data : {};
}

function sameArgs(actual: unknown, expected: readonly string[]): boolean {
  return Array.isArray(actual) && actual.length === expected.length && actual.every((value, index) => value === expected[index]);
}

/**
 * True when an entry of ours already runs exactly what we would write now: same runtime, same
 * launcher path and server, same managed variables (variables the user added do not count).
 */
export function isUpToDate(entry: Record<string, unknown>, wanted: Record<string, unknown>): boolean {
  if (entry.command !== wanted.command || !sameArgs(entry.args, wanted.args as string[])) return false;
  if (wanted.type !== undefined && entry.type !== wanted.type) return false;
  const actualEnv = envOf(entry);
  const wantedEnv = envOf(wanted);
  return MANAGED_ENV_NAMES.every((name) => actualEnv[name] === wantedEnv[name]);
}

/**
 * Our entry brought up to date: runtime, launcher, type and managed variables as we would write
 * them now; every other key and every variable the user added kept, in their order.
 */
export function refreshedEntry(entry: Record<string, unknown>, wanted: Record<string, unknown>): Record<string, unknown> {
  const userEnv = Object.fromEntries(Object.entries(envOf(entry)).filter(([name]) => !MANAGED_ENV_NAMES.includes(name)));
  const env = { ...userEnv, ...envOf(wanted) };
  const refreshed: Record<string, unknown> = { ...entry };
  for (const [key, value] of Object.entries(wanted)) if (key !== 'env') refreshed[key] = value;
  if (Object.keys(env).length > 0) refreshed.env = env;
  else delete refreshed.env;
  return refreshed;
}
