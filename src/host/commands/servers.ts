import type { ServerSummary } from '../../shared/contract';
import { HELP_OPTION, JSON_OPTION, expectPositionals, parseCommandLine, parseEnvAssignments, splitAtTerminator } from '../cli-args';
import { withSession } from '../cli-context';
import { EXIT_OK, UsageError } from '../cli-errors';
import { commandLineOf, describeHealthOutcome, formatTable, writeJson, writeOut } from '../cli-output';
import type { CliCommand } from './command';

function envLine(env: Record<string, string>): string {
  const names = Object.keys(env).sort();
  return names.length === 0 ? '(none)' : names.map((name) => `${name}=${env[name]}`).join(' ');
}

export const serversListCommand: CliCommand = {
  name: 'servers list',
  summary: 'List the bundled and custom servers and how they are configured',
  help: `Usage: mcp-tray servers list [--json]

Lists every server: bundled and custom, enabled or not, its command, its
environment and the names of its secrets (never their values).

Options:
  --json      Print the servers as JSON
  -h, --help  Show this help`,
  async run(args, environment) {
    const { values, positionals } = parseCommandLine(args, { ...HELP_OPTION, ...JSON_OPTION });
    expectPositionals(positionals, []);
    return withSession(environment, 'running-or-in-process', async (session) => {
      const servers = await session.call('servers.list', {});
      if (values.json) {
        writeJson(servers);
        return EXIT_OK;
      }
      const rows = servers.map((server) => [
        server.id,
        server.name,
        server.kind,
        server.enabled ? 'yes' : 'no',
        server.autostart ? 'yes' : 'no',
        server.kind === 'bundled' ? '(built in)' : commandLineOf(server),
      ]);
      writeOut(formatTable(['ID', 'NAME', 'KIND', 'ENABLED', 'AUTOSTART', 'COMMAND'], rows));
      for (const server of servers.filter((candidate) => Object.keys(candidate.env).length > 0 || candidate.secretEnv.length > 0)) {
        writeOut();
        writeOut(`${server.id}:`);
        if (Object.keys(server.env).length > 0) writeOut(`  env: ${envLine(server.env)}`);
        if (server.secretEnv.length > 0) writeOut(`  secrets: ${server.secretEnv.join(', ')} (see \`mcp-tray secrets list\`)`);
      }
      return EXIT_OK;
    });
  },
};

const ADD_OPTIONS = {
  ...HELP_OPTION,
  name: { type: 'string' },
  env: { type: 'string', multiple: true },
  secret: { type: 'string', multiple: true },
  disabled: { type: 'boolean' },
  'no-autostart': { type: 'boolean' },
} as const;

export const serversAddCommand: CliCommand = {
  name: 'servers add',
  summary: 'Add a custom stdio server',
  help: `Usage: mcp-tray servers add <id> [--name N] [--env K=V]... [--secret NAME]... -- <command> [args...]

Adds a custom MCP server that MCP Tray starts with <command> over stdio.
<id> is 1-63 lowercase letters, digits and dashes. The command must exist
(a full path, or a name found on PATH).

Options:
  --name N          Display name (default: the id)
  --env K=V         A non-secret environment variable; repeat for more
  --secret NAME     An environment variable whose value lives in the keychain;
                    repeat for more, then: mcp-tray secrets set <id> NAME
  --disabled        Add it switched off
  --no-autostart    Do not start it when MCP Tray starts
  -h, --help        Show this help

Example:
  mcp-tray servers add memory -- npx -y @modelcontextprotocol/server-memory`,
  async run(args, environment) {
    const { before, after } = splitAtTerminator(args);
    const { values, positionals } = parseCommandLine(before, ADD_OPTIONS);
    const [id] = expectPositionals(positionals, ['id']) as [string];
    const [command, ...commandArgs] = after ?? [];
    if (command === undefined || command.trim() === '') {
      throw new UsageError(`Give the command that starts the server after --, e.g. mcp-tray servers add ${id} -- npx -y @modelcontextprotocol/server-memory`);
    }
    const env = parseEnvAssignments(values.env ?? [], false) as Record<string, string>;
    const autostart = !values['no-autostart'];
    const server = {
      id,
      name: values.name ?? id,
      command,
      args: commandArgs,
      env,
      secretEnv: values.secret ?? [],
      enabled: !values.disabled,
    };
    return withSession(environment, 'running-or-in-process', async (session) => {
      let added: ServerSummary;
      if (session.running) {
        added = await session.call('servers.add', { ...server, autostart });
        writeOut(`Added "${id}".`);
        writeOut(describeHealthOutcome(added.health));
      } else {
        // Nothing may start while MCP Tray is not running: add without autostart, then set the real choice.
        added = await session.call('servers.add', { ...server, autostart: false });
        if (autostart) added = await session.call('servers.setAutostart', { id, autostart: true });
        writeOut(`Added "${id}".${added.enabled && added.autostart ? ' It starts the next time MCP Tray runs.' : ''}`);
      }
      for (const name of added.secretEnv) writeOut(`Set its secret with: mcp-tray secrets set ${id} ${name}`);
      return EXIT_OK;
    });
  },
};

export const serversRemoveCommand: CliCommand = {
  name: 'servers remove',
  summary: 'Remove a custom server (and its secrets)',
  help: `Usage: mcp-tray servers remove <id>

Stops and removes a custom server, and deletes its secrets from the keychain.
Bundled servers cannot be removed.

Options:
  -h, --help  Show this help`,
  async run(args, environment) {
    const { positionals } = parseCommandLine(args, HELP_OPTION);
    const [id] = expectPositionals(positionals, ['id']) as [string];
    return withSession(environment, 'running-or-in-process', async (session) => {
      await session.call('servers.remove', { id });
      writeOut(`Removed "${id}".`);
      return EXIT_OK;
    });
  },
};

export const serversEnvCommand: CliCommand = {
  name: 'servers env',
  summary: "Set or remove a server's environment variables",
  help: `Usage: mcp-tray servers env <id> NAME=value... [NAME=]...

Sets non-secret environment variables of a server, bundled or custom
(e.g. point weather at another API: WEATHER_API_URL=https://...).
NAME= (nothing after =) removes the variable. A running server is
restarted so the change takes effect. Secrets go through \`mcp-tray secrets set\`.

Options:
  -h, --help  Show this help`,
  async run(args, environment) {
    const { positionals } = parseCommandLine(args, HELP_OPTION);
    const [id, ...assignments] = positionals;
    if (id === undefined) throw new UsageError('Missing <id>.');
    if (assignments.length === 0) throw new UsageError('Give at least one NAME=value (or NAME= to remove it).');
    const env = parseEnvAssignments(assignments, true);
    return withSession(environment, 'running-or-in-process', async (session) => {
      const server = await session.call('servers.setEnv', { id, env });
      writeOut(`${id} env: ${envLine(server.env)}`);
      return EXIT_OK;
    });
  },
};
