import { ClientIdSchema } from '../../shared/contract';
import { HELP_OPTION, JSON_OPTION, expectPositionals, parseCommandLine } from '../cli-args';
import { withSession } from '../cli-context';
import { EXIT_OK } from '../cli-errors';
import { formatTable, writeJson, writeOut } from '../cli-output';
import type { CliCommand } from './command';

const OPTIONS = { ...HELP_OPTION, ...JSON_OPTION };

export const clientsCommand: CliCommand = {
  name: 'clients',
  summary: 'Which MCP clients are installed and which servers are registered with each',
  help: `Usage: mcp-tray clients [--json]

Lists the MCP clients MCP Tray can register its servers with (${ClientIdSchema.options.join(', ')}):
whether each looks installed, its config
file, and for every server one of: registered, not registered, outdated (ours,
but MCP Tray moved or was updated: run \`mcp-tray register <client>\` to repair),
conflict (the client has a server of that name that MCP Tray did not add).

Options:
  --json      Print the clients as JSON
  -h, --help  Show this help`,
  async run(args, environment) {
    const { values, positionals } = parseCommandLine(args, OPTIONS);
    expectPositionals(positionals, []);
    return withSession(environment, 'running-or-in-process', async (session) => {
      const clients = await session.call('clients.list', {});
      if (values.json) {
        writeJson(clients);
        return EXIT_OK;
      }
      const serverIds = [...new Set(clients.flatMap((client) => client.servers.map((server) => server.serverId)))];
      const rows = clients.map((client) => [
        client.id,
        client.detected ? 'yes' : 'no',
        ...serverIds.map((serverId) => {
          if (client.error !== null) return '?';
          const server = client.servers.find((candidate) => candidate.serverId === serverId);
          if (!server) return '-';
          return server.entryName === serverId ? server.state : `${server.state} (as "${server.entryName}")`;
        }),
        client.configPath ?? '-',
      ]);
      writeOut(formatTable(['CLIENT', 'DETECTED', ...serverIds.map((id) => id.toUpperCase()), 'CONFIG FILE'], rows));
      for (const client of clients.filter((candidate) => candidate.error !== null)) {
        writeOut();
        writeOut(`${client.id}: ${client.error}`);
      }
      writeOut();
      writeOut('Register with: mcp-tray register <client> [--servers a,b]');
      return EXIT_OK;
    });
  },
};
