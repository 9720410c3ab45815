import { ClientNameSchema, LogLevelSchema, type LogEntry, type LogLevel } from '../../shared/contract';
import { HELP_OPTION, JSON_OPTION, expectPositionals, parseCommandLine, parsePositiveInteger } from '../cli-args';
import { withSession, type ManagerSession } from '../cli-context';
import { EXIT_OK, UsageError } from '../cli-errors';
import { writeJson, writeJsonLine, writeOut } from '../cli-output';
import { logTailMatcher, readLogTail, type LogTailFilter } from '../log-file-tail';
import { formatLogLine } from '../log-line';
import { untilStopped } from '../until-stopped';
import type { CliCommand } from './command';

const OPTIONS = {
  ...HELP_OPTION,
  ...JSON_OPTION,
  follow: { type: 'boolean', short: 'f' },
  level: { type: 'string' },
  client: { type: 'string' },
  limit: { type: 'string', short: 'n' },
} as const;

const DEFAULT_LIMIT = 100;

function parseLevel(raw: string | undefined): LogLevel | undefined {
  if (raw === undefined) return undefined;
  const parsed = LogLevelSchema.safeParse(raw.toLowerCase());
  if (!parsed.success) throw new UsageError(`--level is one of ${LogLevelSchema.options.join(', ')}; got "${raw}".`);
  return parsed.data;
}

function parseClient(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const parsed = ClientNameSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(`--client needs a client's name, as \`mcp-tray sessions\` shows it (e.g. claude-desktop).`);
  return parsed.data;
}

/** The logs.query fields for a filter, leaving out the ones not given. */
function queryFilter({ minLevel, client }: LogTailFilter): { minLevel?: LogLevel; client?: string } {
  return { ...(minLevel ? { minLevel } : {}), ...(client !== undefined ? { client } : {}) };
}

function describeNoEntries(serverId: string, { minLevel, client }: LogTailFilter): string {
  const by = client !== undefined ? ` from calls by ${client}` : '';
  return `No log entries${by} for "${serverId}"${minLevel ? ` at level ${minLevel} or above` : ''} yet.`;
}

/** Prints entries as they arrive until Ctrl+C or until the manager goes away. */
async function follow(session: ManagerSession, serverId: string, filter: LogTailFilter, limit: number, print: (entry: LogEntry) => void): Promise<number> {
  const client = session.client;
  if (!client) throw new Error('following logs needs the running manager');
  const matches = logTailMatcher(serverId, filter);
  // Subscribe before reading the backlog, and hold new entries until it is printed, so none is lost or doubled.
  let lastSeq = -1;
  let backlogPrinted = false;
  const held: LogEntry[] = [];
  const onEntry = (entry: LogEntry) => {
    if (!matches(entry)) return;
    if (!backlogPrinted) return void held.push(entry);
    if (entry.seq <= lastSeq) return;
    lastSeq = entry.seq;
    print(entry);
  };
  const ended = untilStopped(client, 'MCP Tray stopped; no more logs.');
  await client.subscribe('log.entry', onEntry);
  const { entries } = await session.call('logs.query', { serverId, limit, ...queryFilter(filter) });
  for (const entry of entries) print(entry);
  lastSeq = entries.at(-1)?.seq ?? -1;
  backlogPrinted = true;
  for (const entry of held.splice(0)) onEntry(entry);
  await ended;
  return EXIT_OK;
}

export const logsCommand: CliCommand = {
  name: 'logs',
  summary: "Show a server's log (and follow it with --follow)",
  help: `Usage: mcp-tray logs <id> [--follow] [--level L] [--client NAME] [--limit N] [--json]

Shows the newest log entries of server <id>: what it wrote to stderr, its MCP
log messages, starts, exits and tool calls. Secrets are already redacted.
Without a running MCP Tray, reads the log files it left.

Options:
  -f, --follow     Keep printing new entries until Ctrl+C (needs MCP Tray running)
  --level L        Only entries at level L or above: ${LogLevelSchema.options.join(', ')}
  --client NAME    Only the tool calls this client made (as \`mcp-tray sessions\` names
                   it, e.g. claude-desktop; any case). MCP Tray's own calls: "MCP Tray"
  -n, --limit N    How many entries to show first (default ${DEFAULT_LIMIT})
  --json           Print JSON ({ entries }; with --follow, one entry per line)
  -h, --help       Show this help`,
  async run(args, environment) {
    const { values, positionals } = parseCommandLine(args, OPTIONS);
    const [serverId] = expectPositionals(positionals, ['id']) as [string];
    const filter: LogTailFilter = { minLevel: parseLevel(values.level), client: parseClient(values.client) };
    const limit = parsePositiveInteger('limit', values.limit, DEFAULT_LIMIT, 100_000);
    const mode = values.follow ? 'running-only' : 'running-or-in-process';
    return withSession(environment, mode, async (session) => {
      if (values.follow) {
        const print = values.json ? (entry: LogEntry) => writeJsonLine(entry) : (entry: LogEntry) => writeOut(formatLogLine(entry, serverId.length));
        return follow(session, serverId, filter, limit, print);
      }
      let entries: LogEntry[];
      if (session.running) {
        ({ entries } = await session.call('logs.query', { serverId, limit, ...queryFilter(filter) }));
      } else {
        // Fails with "There is no server ..." for a typo, rather than printing nothing.
        await session.call('servers.get', { id: serverId });
        entries = await readLogTail(environment.dataDir, serverId, limit, filter);
      }
      if (values.json) writeJson({ entries });
      else if (entries.length === 0) writeOut(describeNoEntries(serverId, filter));
      else for (const entry of entries) writeOut(formatLogLine(entry, serverId.length));
      return EXIT_OK;
    });
  },
};
