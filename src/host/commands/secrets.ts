import { HELP_OPTION, JSON_OPTION, expectPositionals, parseCommandLine } from '../cli-args';
import { withSession } from '../cli-context';
import { CliFailure, EXIT_OK, UsageError } from '../cli-errors';
import { formatTable, writeJson, writeOut } from '../cli-output';
import { readSecretValue } from '../read-secret';
import type { CliCommand } from './command';

export const secretsListCommand: CliCommand = {
  name: 'secrets list',
  summary: 'Which secrets each server declares, and whether each is set',
  help: `Usage: mcp-tray secrets list [<id>] [--json]

Lists the secrets servers declare and whether each is set in the system
keychain. Values are never shown.

Options:
  --json      Print { secrets: [{ serverId, name, isSet }] } as JSON
  -h, --help  Show this help`,
  async run(args, environment) {
    const { values, positionals } = parseCommandLine(args, { ...HELP_OPTION, ...JSON_OPTION });
    if (positionals.length > 1) throw new UsageError(`Unexpected argument "${positionals[1]}".`);
    const [serverId] = positionals;
    return withSession(environment, 'running-or-in-process', async (session) => {
      const { secrets } = await session.call('secrets.list', serverId === undefined ? {} : { serverId });
      if (values.json) {
        writeJson({ secrets });
        return EXIT_OK;
      }
      if (secrets.length === 0) {
        writeOut(serverId === undefined ? 'No server declares a secret.' : `"${serverId}" declares no secret.`);
        return EXIT_OK;
      }
      writeOut(formatTable(['SERVER', 'NAME', 'STATUS'], secrets.map((secret) => [secret.serverId, secret.name, secret.isSet ? 'set' : 'not set'])));
      return EXIT_OK;
    });
  },
};

// Never repeats the value: the refusal itself must not print the secret again.
const VALUE_ON_COMMAND_LINE =
  'mcp-tray never takes a secret value on the command line: shell history and the process list would keep it. ' +
  "The value you typed is now in your shell's history: remove it from there, and replace the secret if others can read that history. " +
  'Pipe it in (e.g. `pass show github | mcp-tray secrets set github GITHUB_TOKEN`) or run the command without it to be asked.';

export const secretsSetCommand: CliCommand = {
  name: 'secrets set',
  summary: "Store a server's secret in the system keychain (from stdin or a hidden prompt)",
  help: `Usage: mcp-tray secrets set <id> <NAME>

Stores the value of secret NAME of server <id> in the system keychain.
The value is read from stdin when it is piped, otherwise asked for with a
prompt that does not echo. It is never taken from the command line.
A running server is restarted so it gets the new value.

Options:
  -h, --help  Show this help

Example:
  mcp-tray secrets set github GITHUB_TOKEN`,
  async run(args, environment) {
    const { positionals } = parseCommandLine(args, HELP_OPTION);
    if (positionals.length > 2 || positionals[1]?.includes('=')) throw new UsageError(VALUE_ON_COMMAND_LINE);
    const [serverId, name] = expectPositionals(positionals, ['id', 'NAME']) as [string, string];
    return withSession(environment, 'running-or-in-process', async (session) => {
      // Check before asking: typing a token only to hear the name was wrong is a poor experience.
      const server = await session.call('servers.get', { id: serverId });
      if (!server.secretEnv.includes(name)) {
        const declared = server.secretEnv.length > 0 ? server.secretEnv.join(', ') : 'none';
        throw new CliFailure(`"${serverId}" does not declare a secret named ${name} (it declares: ${declared}).`);
      }
      const value = await readSecretValue(`${serverId}/${name}`);
      await session.call('secrets.set', { serverId, name, value });
      writeOut(`Saved ${serverId}/${name} in the system keychain.`);
      return EXIT_OK;
    });
  },
};

export const secretsDeleteCommand: CliCommand = {
  name: 'secrets delete',
  summary: "Delete a server's secret from the system keychain",
  help: `Usage: mcp-tray secrets delete <id> <NAME>

Deletes the value of secret NAME of server <id> from the system keychain.
A running server is restarted without it.

Options:
  -h, --help  Show this help`,
  async run(args, environment) {
    const { positionals } = parseCommandLine(args, HELP_OPTION);
    // Not echoed like other extra arguments: someone who pasted the value after the name must not see it again.
    if (positionals.length > 2) throw new UsageError('secrets delete takes a server id and a secret name, nothing more (the extra argument is not shown, in case it is a secret value).');
    const [serverId, name] = expectPositionals(positionals, ['id', 'NAME']) as [string, string];
    return withSession(environment, 'running-or-in-process', async (session) => {
      await session.call('secrets.delete', { serverId, name });
      writeOut(`Deleted ${serverId}/${name} from the system keychain.`);
      return EXIT_OK;
    });
  },
};
