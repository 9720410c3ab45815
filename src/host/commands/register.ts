import { ClientIdSchema, ServerIdSchema, type ClientChangeResult, type ClientId } from '../../shared/contract';
import { HELP_OPTION, JSON_OPTION, expectPositionals, parseCommandLine } from '../cli-args';
import { withSession, type ManagerSession } from '../cli-context';
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../cli-errors';
import { writeJson, writeOut } from '../cli-output';
import type { CliCommand } from './command';

export const CLIENT_IDS = ClientIdSchema.options.join(', ');

export function parseClientId(raw: string): ClientId {
  const parsed = ClientIdSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(`Unknown client "${raw}". Choose one of: ${CLIENT_IDS}.`);
  return parsed.data;
}

/** `--servers weather,github` -> ["weather", "github"]; undefined when the option is absent. */
function parseServerList(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const ids = raw
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (ids.length === 0) throw new UsageError('--servers needs at least one server id, e.g. --servers weather,github.');
  const invalid = ids.find((id) => !ServerIdSchema.safeParse(id).success);
  if (invalid !== undefined) throw new UsageError(`"${invalid}" is not a server id (lowercase letters, digits and dashes). See \`mcp-tray servers list\`.`);
  return ids;
}

/** Register only knows servers MCP Tray has: a typo is a wrong command line, not a failed change. */
async function requireKnownServers(session: ManagerSession, ids: string[] | undefined): Promise<void> {
  if (ids === undefined) return;
  const known = new Set((await session.call('servers.list', {})).map((server) => server.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new UsageError(`There is no server ${unknown.map((id) => `"${id}"`).join(', ')}. See \`mcp-tray servers list\`.`);
}

/** The diff, where it went, what is registered now, and what the user must do next. */
async function report(session: ManagerSession, result: ClientChangeResult, serverIds: string[] | undefined, dryRun: boolean): Promise<void> {
  if (result.diff !== '') {
    writeOut(result.diff.trimEnd());
    writeOut();
  }
  if (dryRun) {
    writeOut(result.changed ? `Dry run: ${result.configPath} was not changed; the diff above is what would be written.` : `Dry run: nothing would change in ${result.configPath}.`);
  } else {
    writeOut(result.changed ? `Updated ${result.configPath}.` : `Nothing to change in ${result.configPath}.`);
    if (result.backupPath !== null) writeOut(`The previous version is saved as ${result.backupPath}.`);
    const client = (await session.call('clients.list', {})).find((candidate) => candidate.id === result.clientId);
    for (const server of client?.servers.filter((candidate) => serverIds === undefined || serverIds.includes(candidate.serverId)) ?? []) {
      writeOut(`  ${server.serverId}: ${server.state}${server.entryName === server.serverId ? '' : ` (as "${server.entryName}")`}`);
    }
  }
  for (const serverId of result.conflicts) {
    writeOut(
      `${serverId}: the file already has a server named "${serverId}" that MCP Tray did not add; it was left as it is. Run again with --rename-on-conflict to add MCP Tray's as "${serverId}-mcp-tray".`,
    );
  }
  if (result.changed && !dryRun) writeOut(result.restartHint);
}

const REGISTER_OPTIONS = {
  ...HELP_OPTION,
  ...JSON_OPTION,
  servers: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'rename-on-conflict': { type: 'boolean' },
} as const;

export const registerCommand: CliCommand = {
  name: 'register',
  summary: 'Add MCP Tray servers to an MCP client (Claude Desktop, Cursor, ...)',
  help: `Usage: mcp-tray register <client> [--servers a,b] [--dry-run] [--rename-on-conflict] [--json]

Adds MCP Tray's servers to the client's config file (or repairs entries of ours
that are outdated). Clients: ${CLIENT_IDS}.
Each entry runs MCP Tray's launcher. While MCP Tray runs, the launcher connects
the client to MCP Tray's own server, which has its tokens; when MCP Tray is not
running, the launcher starts the server itself and reads its tokens from the
system keychain. No token is ever written to the file.
The file is merged, never overwritten: other servers, unknown keys, comments
(JSONC and TOML files) and formatting stay; the previous version is kept as a backup.

Options:
  --servers a,b         Only these servers (default: every enabled server)
  --dry-run             Show the diff without writing anything
  --rename-on-conflict  When the client already has a server of the same name
                        that MCP Tray did not add, add ours as "<id>-mcp-tray"
  --json                Print the result as JSON
  -h, --help            Show this help

Exit codes: 0 done, 1 the file was refused and left as it was (or a server was
left out because of a conflict), 2 wrong command line.`,
  async run(args, environment) {
    const { values, positionals } = parseCommandLine(args, REGISTER_OPTIONS);
    const [rawClient] = expectPositionals(positionals, ['client']) as [string];
    const clientId = parseClientId(rawClient);
    const serverIds = parseServerList(values.servers);
    const dryRun = values['dry-run'] === true;
    const input = { clientId, renameOnConflict: values['rename-on-conflict'] === true, ...(serverIds ? { serverIds } : {}) };
    return withSession(environment, 'running-or-in-process', async (session) => {
      await requireKnownServers(session, serverIds);
      const result = dryRun ? await session.call('clients.preview', { ...input, action: 'register' }) : await session.call('clients.register', input);
      if (values.json) writeJson(result);
      else await report(session, result, serverIds, dryRun);
      return result.conflicts.length > 0 && !dryRun ? EXIT_FAILURE : EXIT_OK;
    });
  },
};

const UNREGISTER_OPTIONS = { ...HELP_OPTION, ...JSON_OPTION, servers: { type: 'string' }, 'dry-run': { type: 'boolean' } } as const;

export const unregisterCommand: CliCommand = {
  name: 'unregister',
  summary: "Remove MCP Tray's servers from an MCP client",
  help: `Usage: mcp-tray unregister <client> [--servers a,b] [--dry-run] [--json]

Removes the entries MCP Tray added to the client's config file, and nothing
else: servers you added yourself stay, even one with the same name.
Clients: ${CLIENT_IDS}.

Options:
  --servers a,b  Only these servers (default: every entry MCP Tray added)
  --dry-run      Show the diff without writing anything
  --json         Print the result as JSON
  -h, --help     Show this help

Exit codes: 0 done, 1 the file was refused and left as it was, 2 wrong command line.`,
  async run(args, environment) {
    const { values, positionals } = parseCommandLine(args, UNREGISTER_OPTIONS);
    const [rawClient] = expectPositionals(positionals, ['client']) as [string];
    const clientId = parseClientId(rawClient);
    const serverIds = parseServerList(values.servers);
    const dryRun = values['dry-run'] === true;
    const input = { clientId, ...(serverIds ? { serverIds } : {}) };
    return withSession(environment, 'running-or-in-process', async (session) => {
      const result = dryRun
        ? await session.call('clients.preview', { ...input, action: 'unregister', renameOnConflict: false })
        : await session.call('clients.unregister', input);
      if (values.json) writeJson(result);
      else await report(session, result, serverIds, dryRun);
      return EXIT_OK;
    });
  },
};
