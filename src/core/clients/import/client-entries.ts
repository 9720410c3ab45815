/**
 * The server entries of a client's config, read for import: user entries under the client's server
 * key, and Claude Code's per-project entries (`projects.<folder>.mcpServers` in ~/.claude.json). Each
 * is sorted into what it is: MCP Tray's own, remote, a stdio server, or something that cannot be read.
 */
import { isPlainObject } from '../../../shared/plain-object';
import { ourServerIdOf } from '../launch-entry';
import type { McpClient } from '../mcp-client';

export type ImportScope = 'user' | 'project';

export interface ClientEntry {
  key: string;
  name: string;
  scope: ImportScope;
  project: string | null;
  /** The entry's path in the file, for rewriting it in place. */
  location: string[];
  raw: unknown;
}

/** A stdio entry as the client would run it, before any variable is resolved. */
export interface StdioEntry {
  command: string;
  args: string[];
  env: Record<string, string>;
  envFile: string | undefined;
  enabled: boolean;
  /** Keys that change how the client runs it that MCP Tray cannot carry over. */
  cwd: string | undefined;
  forwardedEnv: string[];
}

export type EntryKind =
  | { kind: 'ours'; serverId: string }
  | { kind: 'remote'; urls: string[] }
  | { kind: 'stdio'; entry: StdioEntry }
  | { kind: 'unreadable'; reason: string };

const REMOTE_KEYS = ['url', 'serverUrl', 'httpUrl'] as const;

export function entryKey(scope: ImportScope, project: string | null, name: string): string {
  return scope === 'user' ? `user/${name}` : `project/${project ?? ''}/${name}`;
}

export function clientEntries(client: McpClient, root: Record<string, unknown>, servers: Record<string, unknown>): { user: ClientEntry[]; project: ClientEntry[] } {
  const user = Object.entries(servers).map(([name, raw]) => ({ key: entryKey('user', null, name), name, scope: 'user' as const, project: null, location: [client.serversKey, name], raw }));
  const project: ClientEntry[] = [];
  if (client.id === 'claude-code' && isPlainObject(root.projects)) {
    for (const [folder, settings] of Object.entries(root.projects)) {
      if (!isPlainObject(settings) || !isPlainObject(settings.mcpServers)) continue;
      for (const [name, raw] of Object.entries(settings.mcpServers)) {
        project.push({ key: entryKey('project', folder, name), name, scope: 'project', project: folder, location: ['projects', folder, 'mcpServers', name], raw });
      }
    }
  }
  return { user, project };
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : undefined;
}

/** Env values as the client passes them: strings, and numbers or booleans written without quotes. */
function envMap(value: unknown): Record<string, string> | undefined {
  if (value === undefined) return {};
  if (!isPlainObject(value)) return undefined;
  const env: Record<string, string> = {};
  for (const [name, field] of Object.entries(value)) {
    if (typeof field === 'string') env[name] = field;
    else if (typeof field === 'number' || typeof field === 'boolean') env[name] = String(field);
    else return undefined;
  }
  return env;
}

/** Zed's older shape nests the command: `command: { path, args, env }`. */
function runFields(raw: Record<string, unknown>): Record<string, unknown> {
  return isPlainObject(raw.command) ? { ...raw, command: raw.command.path, args: raw.command.args ?? raw.args, env: raw.command.env ?? raw.env } : raw;
}

export function kindOf(raw: unknown): EntryKind {
  if (!isPlainObject(raw)) return { kind: 'unreadable', reason: 'the entry is not an object' };
  const serverId = ourServerIdOf(raw);
  if (serverId !== undefined) return { kind: 'ours', serverId };
  const urls = REMOTE_KEYS.map((key) => raw[key]).filter((value): value is string => typeof value === 'string');
  if (urls.length > 0) return { kind: 'remote', urls };
  const fields = runFields(raw);
  if (typeof fields.command !== 'string' || fields.command.trim() === '') return { kind: 'unreadable', reason: 'it has neither a command nor a URL' };
  const args = fields.args === undefined ? [] : stringList(fields.args);
  if (!args) return { kind: 'unreadable', reason: 'its "args" is not a list of strings' };
  const env = envMap(fields.env);
  if (!env) return { kind: 'unreadable', reason: 'its "env" is not a map of names to text' };
  return {
    kind: 'stdio',
    entry: {
      command: fields.command,
      args,
      env,
      envFile: typeof raw.envFile === 'string' ? raw.envFile : undefined,
      enabled: raw.disabled !== true && raw.enabled !== false,
      cwd: typeof raw.cwd === 'string' ? raw.cwd : undefined,
      forwardedEnv: stringList(raw.env_vars) ?? [],
    },
  };
}

/** The keys of an entry that say how to run it: replaced by the launcher's; the client's other keys stay. */
export const RUN_KEYS: readonly string[] = ['command', 'args', 'env', 'envFile', 'type', 'cwd', 'env_vars'];
