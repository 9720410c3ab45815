import { SharingSchema, type ServerSummary, type Sharing } from '../../shared/contract';
import { HELP_OPTION, parseCommandLine } from '../cli-args';
import { withSession } from '../cli-context';
import { EXIT_OK, UsageError } from '../cli-errors';
import { writeOut } from '../cli-output';
import type { CliCommand } from './command';

const MEANING: Record<Sharing, string> = {
  shared: 'every client uses one server process',
  'per-session': 'each client session gets a server process of its own',
};

function describeSharing(server: ServerSummary): string {
  return `${server.id} sharing: ${server.sharing} (${MEANING[server.sharing]})`;
}

function parseSharing(raw: string): Sharing {
  const parsed = SharingSchema.safeParse(raw.toLowerCase());
  if (!parsed.success) throw new UsageError(`Sharing is ${SharingSchema.options.join(' or ')}; got "${raw}".`);
  return parsed.data;
}

export const serversSharingCommand: CliCommand = {
  name: 'servers sharing',
  summary: 'Show or set whether clients share one server process',
  help: `Usage: mcp-tray servers sharing <id> [shared|per-session]

Shows how the clients connected through MCP Tray use server <id>, or sets it:
  shared       every client uses one server process (the default for bundled
               servers): one cold start, one cache, one set of rate limits
  per-session  each client session gets a server process of its own (the default
               for custom servers), for servers that keep state per session
Clients already connected keep the process they have; the next ones follow
the new choice.

Options:
  -h, --help  Show this help

Example:
  mcp-tray servers sharing github shared`,
  async run(args, environment) {
    const { positionals } = parseCommandLine(args, HELP_OPTION);
    const [id, raw, extra] = positionals;
    if (id === undefined) throw new UsageError('Missing <id>.');
    if (extra !== undefined) throw new UsageError(`Unexpected argument "${extra}".`);
    const sharing = raw === undefined ? undefined : parseSharing(raw);
    return withSession(environment, 'running-or-in-process', async (session) => {
      const server = sharing === undefined ? await session.call('servers.get', { id }) : await session.call('servers.setSharing', { id, sharing });
      writeOut(describeSharing(server));
      return EXIT_OK;
    });
  },
};
