/**
 * The launcher's read-only view of MCP Tray's settings.json: just what it needs to start one server
 * (whether MCP Tray starts at login, a bundled server's env overrides, a custom server's command). Validated with zod/mini rather than
 * the manager's full PersistedSettingsSchema: that schema pulls in the contract and the MCP SDK's
 * schemas, whose load time would come on top of every client-started server's start-up.
 * The launcher never writes the file; a file it cannot use is reported on stderr.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod/mini';
import { BUNDLED_SERVERS, ENV_NAME_PATTERN, SERVER_ID_PATTERN } from '../shared/vocabulary';
import { messageOf } from '../shared/error-message';

const EnvMapSchema = z.record(z.string().check(z.regex(ENV_NAME_PATTERN)), z.string());
const EnvNamesSchema = z.array(z.string().check(z.regex(ENV_NAME_PATTERN)));

const LauncherSettingsSchema = z.object({
  /** Whether MCP Tray starts at login: then a launcher that finds no manager waits a little for it. */
  app: z.optional(z.object({ startAtLogin: z.optional(z.boolean()) })),
  servers: z.optional(z.record(z.string(), z.object({ env: z.optional(EnvMapSchema) }))),
  customServers: z.optional(
    z.array(
      z.object({
        id: z.string().check(z.regex(SERVER_ID_PATTERN)),
        command: z.string().check(z.minLength(1)),
        args: z.optional(z.array(z.string())),
        env: z.optional(EnvMapSchema),
        secretEnv: z.optional(EnvNamesSchema),
      }),
    ),
  ),
});
export type LauncherSettings = z.infer<typeof LauncherSettingsSchema>;

export type LaunchDefinition =
  | { kind: 'bundled'; id: string; entryFile: string; env: Record<string, string>; secretEnv: readonly string[] }
  | { kind: 'custom'; id: string; command: string; args: string[]; env: Record<string, string>; secretEnv: string[] };

interface SettingsRead {
  settings: LauncherSettings;
  /** Why the file could not be used, when it could not; the launcher carries on with defaults. */
  problem?: string;
}

export async function readLauncherSettings(dataDir: string): Promise<SettingsRead> {
  const filePath = path.join(dataDir, 'settings.json');
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { settings: {} };
    return { settings: {}, problem: `cannot read ${filePath} (${messageOf(error)}); using default settings.` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { settings: {}, problem: `${filePath} is not valid JSON; using default settings. Open MCP Tray to repair it.` };
  }
  const parsed = LauncherSettingsSchema.safeParse(json);
  if (!parsed.success) return { settings: {}, problem: `${filePath} does not look like MCP Tray settings; using default settings. Open MCP Tray to repair it.` };
  return { settings: parsed.data };
}

/** The server as MCP Tray defines it (bundled first, like the manager's catalog), or undefined. */
export function findLaunchDefinition(settings: LauncherSettings, serverId: string, serversDir: string): LaunchDefinition | undefined {
  const bundled = BUNDLED_SERVERS.find((server) => server.id === serverId);
  if (bundled) {
    return {
      kind: 'bundled',
      id: bundled.id,
      entryFile: path.join(serversDir, `${bundled.id}.js`),
      env: settings.servers?.[bundled.id]?.env ?? {},
      secretEnv: bundled.secretEnv,
    };
  }
  const custom = settings.customServers?.find((server) => server.id === serverId);
  if (!custom) return undefined;
  return { kind: 'custom', id: custom.id, command: custom.command, args: custom.args ?? [], env: custom.env ?? {}, secretEnv: custom.secretEnv ?? [] };
}
