/**
 * Plans an import from one client's config: which entries become which custom servers, which of
 * their environment values move into the keychain, and what is skipped and why. The plan holds the
 * values (the importer needs them); `publicPlan` is what may leave the core: names and masked hints.
 */
import { isDeepStrictEqual } from 'node:util';
import type { ClientId, MethodResult, ServerDefinition } from '../../../shared/contract';
import type { ImportEntry, ImportSkipped } from '../../../shared/import-contract';
import { isPlainObject } from '../../../shared/plain-object';
import { REDACTED } from '../../../shared/redact';
import { ENV_NAME_PATTERN } from '../../../shared/vocabulary';
import type { ClientContext } from '../client-context';
import type { McpClient } from '../mcp-client';
import { clientEntries, kindOf, type ClientEntry, type ImportScope, type StdioEntry } from './client-entries';
import { argumentsWithTokens, maskedHint, secretReason, textHoldsCredential, type SecretReason } from './secret-values';
import { freeId, idFromName } from './server-ids';
import { readEnvFile, resolveVariables, wholeInput } from './vscode-variables';

/** Clients whose files use VS Code's variables and envFile. */
const VARIABLE_CLIENTS: ReadonlySet<ClientId> = new Set(['vscode', 'copilot']);

/** An entry to import; its `raw` is the entry exactly as read: the rewrite refuses when the file no longer holds it. */
export interface PlannedServer extends ClientEntry {
  serverId: string;
  command: string;
  args: string[];
  /** Every variable with its value, secrets included. */
  env: Record<string, string>;
  /** The variables suggested as secrets, and why. */
  suggested: Map<string, SecretReason>;
  /** Variables VS Code asks for itself: declared as secrets, not set. */
  unset: string[];
  /** The 1-based positions of arguments that carry a token. */
  tokenArgs: number[];
  enabled: boolean;
  flags: string[];
}

export interface InternalPlan {
  client: McpClient;
  configPath: string;
  servers: PlannedServer[];
  projectEntries: Array<{ name: string; project: string }>;
  remote: Array<{ name: string; scope: ImportScope; project: string | null }>;
  skipped: ImportSkipped[];
  flags: string[];
}

interface PlanInput {
  client: McpClient;
  context: ClientContext;
  configPath: string;
  root: Record<string, unknown>;
  servers: Record<string, unknown>;
  existing: readonly ServerDefinition[];
  includeProjects: boolean;
}

type Resolution = { ok: true; command: string; args: string[]; env: Record<string, string>; unset: string[] } | { ok: false; reason: string };

async function resolveEntry(entry: StdioEntry, client: McpClient, context: ClientContext): Promise<Resolution> {
  if (!VARIABLE_CLIENTS.has(client.id)) return { ok: true, command: entry.command, args: entry.args, env: entry.env, unset: [] };
  const command = resolveVariables(entry.command, context);
  if (!command.ok) return { ok: false, reason: `its command: ${command.reason}` };
  const args: string[] = [];
  for (const [index, arg] of entry.args.entries()) {
    const resolved = resolveVariables(arg, context);
    if (!resolved.ok) return { ok: false, reason: `argument ${index + 1}: ${resolved.reason}` };
    args.push(resolved.value);
  }
  let env: Record<string, string> = {};
  if (entry.envFile !== undefined) {
    const file = await readEnvFile(entry.envFile, context);
    if (!file.ok) return { ok: false, reason: file.reason };
    env = { ...file.env };
  }
  const unset: string[] = [];
  for (const [name, value] of Object.entries(entry.env)) {
    if (wholeInput(value) !== undefined) {
      unset.push(name);
      delete env[name];
      continue;
    }
    const resolved = resolveVariables(value, context);
    if (!resolved.ok) return { ok: false, reason: `${name}: ${resolved.reason}` };
    env[name] = resolved.value;
  }
  return { ok: true, command: command.value, args, env, unset };
}

/** What makes two entries the same server: command, args and env (secrets by name and value). */
function fingerprint(command: string, args: readonly string[], env: Record<string, string>, unset: readonly string[]): string {
  return JSON.stringify([command, args, Object.entries(env).sort(([a], [b]) => a.localeCompare(b)), [...unset].sort()]);
}

/**
 * The MCP Tray server this entry already is: same command, args and environment. Its secrets are
 * compared by name (their values stay in the keychain).
 */
function existingTwin(existing: readonly ServerDefinition[], command: string, args: string[], env: Record<string, string>, unset: readonly string[]): ServerDefinition | undefined {
  const names = [...Object.keys(env), ...unset].sort();
  return existing.find((server) => {
    if (server.kind !== 'custom' || server.command !== command || !isDeepStrictEqual(server.args, args)) return false;
    if (!isDeepStrictEqual([...Object.keys(server.env), ...server.secretEnv].sort(), names)) return false;
    return Object.entries(server.env).every(([name, value]) => env[name] === value);
  });
}

function where(entry: ClientEntry): string {
  return entry.scope === 'project' ? `"${entry.name}" (project ${entry.project ?? ''})` : `"${entry.name}"`;
}

function remoteCredentialFlag(entry: ClientEntry, urls: string[], configPath: string): string | undefined {
  const headers = isPlainObject(entry.raw) && isPlainObject(entry.raw.headers) ? Object.entries(entry.raw.headers) : [];
  const inHeaders = headers.some(([name, value]) => typeof value === 'string' && (/^authorization$/i.test(name) || textHoldsCredential(value) || secretReason(name.replace(/-/g, '_'), value) !== null));
  if (!urls.some(textHoldsCredential) && !inHeaders) return undefined;
  return `The remote entry ${where(entry)} holds a token in its ${inHeaders ? 'headers' : 'URL'}. Remote entries are not imported yet, so it stays in ${configPath} in plain text; if the server supports it, sign in with OAuth or read the token from an environment variable instead.`;
}

function entryFlags(entry: ClientEntry, stdio: StdioEntry, serverId: string, tokenArgs: number[], env: Record<string, string>, suggested: Map<string, SecretReason>): string[] {
  const flags: string[] = [];
  for (const position of tokenArgs) {
    flags.push(
      `Argument ${position} of ${where(entry)} looks like a token, so the entry is not imported unless you choose it: imported, the token would stay in plain text in MCP Tray's settings. Better: move the token into an environment variable the server reads (see its documentation), remove it from the arguments in the client's config and import again; the variable then moves to the keychain.`,
    );
  }
  if (stdio.cwd !== undefined) flags.push(`${where(entry)} runs in ${stdio.cwd} in the client; MCP Tray starts it in its own folder, so make any relative path in its arguments absolute.`);
  if (stdio.forwardedEnv.length > 0) {
    flags.push(`${where(entry)} passes ${stdio.forwardedEnv.join(', ')} from the client's own environment; set them for "${serverId}" in MCP Tray (mcp-tray servers env or mcp-tray secrets set) if the server needs them.`);
  }
  const fromFile = stdio.envFile === undefined ? [] : [...suggested.keys()].filter((name) => !Object.hasOwn(stdio.env, name) && Object.hasOwn(env, name));
  if (fromFile.length > 0) flags.push(`${where(entry)} reads ${fromFile.join(', ')} from its envFile ${stdio.envFile}; once imported they are in the keychain, so delete them from that file.`);
  return flags;
}

export async function planImport(input: PlanInput): Promise<InternalPlan> {
  const { client, context, configPath } = input;
  const { user, project } = clientEntries(client, input.root, input.servers);
  const plan: InternalPlan = { client, configPath, servers: [], projectEntries: project.map((entry) => ({ name: entry.name, project: entry.project ?? '' })), remote: [], skipped: [], flags: [] };
  const taken = new Set(input.existing.map((server) => server.id));
  const seen = new Map<string, string>();
  const skip = (entry: ClientEntry, reason: string) => plan.skipped.push({ name: entry.name, scope: entry.scope, project: entry.project, reason });

  for (const entry of input.includeProjects ? [...user, ...project] : user) {
    const kind = kindOf(entry.raw);
    if (kind.kind === 'ours') {
      skip(entry, `already MCP Tray's (it runs "${kind.serverId}" through the launcher)`);
      continue;
    }
    if (kind.kind === 'remote') {
      plan.remote.push({ name: entry.name, scope: entry.scope, project: entry.project });
      const flag = remoteCredentialFlag(entry, kind.urls, configPath);
      if (flag) plan.flags.push(flag);
      continue;
    }
    if (kind.kind === 'unreadable') {
      skip(entry, kind.reason);
      continue;
    }
    const resolved = await resolveEntry(kind.entry, client, context);
    if (!resolved.ok) {
      skip(entry, `cannot be resolved: ${resolved.reason}`);
      continue;
    }
    const badName = [...Object.keys(resolved.env), ...resolved.unset].find((name) => !ENV_NAME_PATTERN.test(name));
    if (badName !== undefined) {
      skip(entry, `its variable "${badName}" is not a valid environment variable name`);
      continue;
    }
    const print = fingerprint(resolved.command, resolved.args, resolved.env, resolved.unset);
    const twin = existingTwin(input.existing, resolved.command, resolved.args, resolved.env, resolved.unset);
    if (twin) {
      skip(entry, `the same server as "${twin.id}", already in MCP Tray (same command, arguments and environment)`);
      continue;
    }
    const earlier = seen.get(print);
    if (earlier !== undefined) {
      skip(entry, `the same server as ${earlier} in this file (same command, arguments and environment)`);
      continue;
    }
    seen.set(print, where(entry));
    const serverId = freeId(idFromName(entry.name), taken);
    taken.add(serverId);
    const suggested = new Map<string, SecretReason>();
    for (const [name, value] of Object.entries(resolved.env)) {
      const reason = secretReason(name, value);
      if (reason) suggested.set(name, reason);
    }
    const tokenArgs = argumentsWithTokens(resolved.args);
    plan.servers.push({
      ...entry,
      serverId,
      command: resolved.command,
      args: resolved.args,
      env: resolved.env,
      suggested,
      unset: resolved.unset,
      tokenArgs,
      enabled: kind.entry.enabled,
      flags: entryFlags(entry, kind.entry, serverId, tokenArgs, resolved.env, suggested),
    });
  }
  return plan;
}

function publicEntry(server: PlannedServer): ImportEntry {
  return {
    key: server.key,
    name: server.name,
    scope: server.scope,
    project: server.project,
    serverId: server.serverId,
    command: server.command,
    args: server.args.map((arg, index) => (server.tokenArgs.includes(index + 1) ? REDACTED : arg)),
    env: [
      ...Object.entries(server.env).map(([name, value]) => {
        const reason = server.suggested.get(name) ?? null;
        return { name, secret: reason !== null, reason, value: reason === null ? value : null, hint: reason === null ? null : maskedHint(value), unset: false };
      }),
      ...server.unset.map((name) => ({ name, secret: true, reason: null, value: null, hint: null, unset: true })),
    ],
    enabled: server.enabled,
    argsHoldToken: server.tokenArgs.length > 0,
    flags: server.flags,
  };
}

/** The plan as it may leave the core: no secret value, no token-bearing argument. */
export function publicPlan(plan: InternalPlan): MethodResult<'clients.importPlan'> {
  return {
    clientId: plan.client.id,
    clientName: plan.client.name,
    configPath: plan.configPath,
    entries: plan.servers.map(publicEntry),
    projectEntries: plan.projectEntries,
    remote: plan.remote,
    skipped: plan.skipped,
    flags: plan.flags,
  };
}
