import type { ClientSession } from '../../shared/contract';
import { HELP_OPTION, JSON_OPTION, parseCommandLine } from '../cli-args';
import { withSession } from '../cli-context';
import { EXIT_OK, UsageError } from '../cli-errors';
import { formatDuration, formatTable, writeJson, writeOut } from '../cli-output';
import type { CliCommand } from './command';

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** Local clock time, with the date when it is not today, and how long ago: "14:03:27 (12m 5s ago)". */
function describeSince(iso: string, now: Date): string {
  const since = new Date(iso);
  if (Number.isNaN(since.getTime())) return iso;
  const clock = `${pad(since.getHours())}:${pad(since.getMinutes())}:${pad(since.getSeconds())}`;
  const sameDay = since.toDateString() === now.toDateString();
  const day = sameDay ? '' : `${since.getFullYear()}-${pad(since.getMonth() + 1)}-${pad(since.getDate())} `;
  return `${day}${clock} (${formatDuration(Math.max(0, now.getTime() - since.getTime()))} ago)`;
}

function sessionRows(sessions: ClientSession[], withServer: boolean): string[][] {
  const now = new Date();
  return sessions.map((session) => [
    ...(withServer ? [session.serverId] : []),
    session.client,
    describeSince(session.since, now),
    String(session.calls),
    session.pid === null ? '-' : String(session.pid),
  ]);
}

export const sessionsCommand: CliCommand = {
  name: 'sessions',
  summary: 'List the clients connected to the servers (Claude Desktop, Cursor, ...)',
  help: `Usage: mcp-tray sessions [<id>] [--json]

Lists the clients connected through MCP Tray to every server, or to server
<id>: the client's name, since when it is connected, how many tool calls it
made, and the pid of the server process it uses. Clients connect when they
start a server MCP Tray registered with them, while MCP Tray is running.

Options:
  --json      Print JSON ({ sessions })
  -h, --help  Show this help

Example:
  mcp-tray sessions weather`,
  async run(args, environment) {
    const { values, positionals } = parseCommandLine(args, { ...HELP_OPTION, ...JSON_OPTION });
    if (positionals.length > 1) throw new UsageError(`Unexpected argument "${positionals[1]}".`);
    const [serverId] = positionals;
    return withSession(environment, 'running-or-in-process', async (session) => {
      // Fails with "There is no server ..." for a typo, rather than printing nothing.
      if (serverId !== undefined) await session.call('servers.get', { id: serverId });
      const { sessions } = session.running ? await session.call('sessions.list', serverId === undefined ? {} : { serverId }) : { sessions: [] };
      if (values.json) writeJson({ sessions });
      else if (!session.running) writeOut('MCP Tray is not running, so no client is connected through it. Start it with `mcp-tray run` or open the app.');
      else if (sessions.length === 0) writeOut(serverId === undefined ? 'No client is connected.' : `No client is connected to "${serverId}".`);
      else writeOut(formatTable([...(serverId === undefined ? ['SERVER'] : []), 'CLIENT', 'SINCE', 'CALLS', 'PID'], sessionRows(sessions, serverId === undefined)));
      return EXIT_OK;
    });
  },
};
