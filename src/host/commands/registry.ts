import type { PackagePlan, RegistryEntry, RegistrySource } from '../../shared/registry-contract';
import { HELP_OPTION, JSON_OPTION, expectPositionals, parseCommandLine, parseEnvAssignments } from '../cli-args';
import { withSession } from '../cli-context';
import { CliFailure, EXIT_OK, UsageError } from '../cli-errors';
import { commandLineOf, describeHealthOutcome, formatDuration, formatTable, writeErr, writeJson, writeOut } from '../cli-output';
import { readSecretValue } from '../read-secret';
import type { CliCommand } from './command';

/** Says, on stderr, that an answer came from the cache and how old it is. */
function reportSource(source: RegistrySource): void {
  if (!source.offline) return;
  const age = source.cachedAt ? `${formatDuration(Date.now() - Date.parse(source.cachedAt))} ago (${source.cachedAt})` : 'an unknown time ago';
  writeErr(`mcp-tray: ${source.offlineReason ?? 'The MCP Registry could not be reached.'} Showing cached entries fetched ${age}.`);
}

function verificationLine(plan: PackagePlan): string {
  return `${plan.verification}: ${plan.verificationNote}`;
}

function describeEntry(entry: RegistryEntry): string[] {
  const lines = [`${entry.name} ${entry.version}${entry.title ? `  (${entry.title})` : ''}`, entry.description, '', `Publisher: ${entry.namespace}. ${entry.trustNote}`];
  if (entry.repositoryUrl) lines.push(`Source: ${entry.repositoryUrl}`);
  for (const plan of entry.packages) {
    lines.push('', `Package ${plan.index}: ${plan.registryType} ${plan.identifier}${plan.version ? ` ${plan.version}` : ''} (${plan.transport})`);
    lines.push(plan.installable ? '  installable' : `  not installable: ${plan.whyNot ?? ''}`);
    if (plan.command) lines.push(`  runs: ${commandLineOf({ command: plan.command, args: plan.args })}`);
    if (plan.runtimeFlags.length > 0) lines.push(`  options the publisher gives ${plan.runtime ?? 'the runtime'} itself: ${plan.runtimeFlags.join(' ')}`);
    for (const variable of plan.variables) {
      const traits = [variable.isSecret ? 'secret, kept in the keychain' : variable.fixed ? 'set by the publisher' : null, variable.isRequired ? 'required' : null, variable.default ? `default ${variable.default}` : null].filter(Boolean);
      lines.push(`  ${variable.name}${traits.length > 0 ? ` (${traits.join(', ')})` : ''}${variable.description ? `: ${variable.description}` : ''}`);
    }
    lines.push(`  file ${verificationLine(plan)}`);
  }
  for (const remote of entry.remotes) lines.push('', `Remote (${remote.type}): ${remote.url}. MCP Tray cannot add remote servers yet.`);
  return lines;
}

export const registrySearchCommand: CliCommand = {
  name: 'registry search',
  summary: 'Search the MCP Registry for servers by name',
  help: `Usage: mcp-tray registry search [<text>] [--cursor C] [--json]

Searches the MCP Registry (MCP_TRAY_REGISTRY_URL, default the official
registry) for servers whose name contains <text>, latest versions only.
When the registry cannot be reached, cached entries are shown with their age.

Options:
  --cursor C  Show the page after the one that printed this cursor
  --json      Print { results, nextCursor, source } as JSON
  -h, --help  Show this help`,
  async run(args, environment) {
    const { values, positionals } = parseCommandLine(args, { ...HELP_OPTION, ...JSON_OPTION, cursor: { type: 'string' } });
    if (positionals.length > 1) throw new UsageError(`Give the search text as one argument (quote it): "${positionals.join(' ')}".`);
    const text = positionals[0] ?? '';
    return withSession(environment, 'running-or-in-process', async (session) => {
      const page = await session.call('registry.search', { text, ...(values.cursor ? { cursor: values.cursor } : {}) });
      if (values.json) {
        writeJson(page);
        return EXIT_OK;
      }
      reportSource(page.source);
      if (page.results.length === 0) writeOut(`No server in the registry matches "${text}".`);
      else {
        const rows = page.results.map((result) => [
          result.name,
          result.version,
          result.remote ? 'remote' : result.packageTypes.join(',') || '-',
          result.installable ? 'yes' : 'no',
          result.description,
        ]);
        writeOut(formatTable(['NAME', 'VERSION', 'TYPE', 'INSTALLABLE', 'DESCRIPTION'], rows));
      }
      if (page.nextCursor) writeOut(`\nMore: mcp-tray registry search ${JSON.stringify(text)} --cursor ${page.nextCursor}`);
      return EXIT_OK;
    });
  },
};

export const registryShowCommand: CliCommand = {
  name: 'registry show',
  summary: 'Show a registry entry and what each of its packages would run',
  help: `Usage: mcp-tray registry show <name> [--version V] [--json]

Shows a server of the MCP Registry: its publisher, each package with the
command MCP Tray would run, the variables and secrets it asks for, and
whether its file is checked against the registry's hash.

Options:
  --version V  A version other than the latest
  --json       Print { entry, source } as JSON
  -h, --help   Show this help`,
  async run(args, environment) {
    const { values, positionals } = parseCommandLine(args, { ...HELP_OPTION, ...JSON_OPTION, version: { type: 'string' } });
    const [name] = expectPositionals(positionals, ['name']) as [string];
    return withSession(environment, 'running-or-in-process', async (session) => {
      const shown = await session.call('registry.show', { name, ...(values.version ? { version: values.version } : {}) });
      if (values.json) {
        writeJson(shown);
        return EXIT_OK;
      }
      reportSource(shown.source);
      writeOut(describeEntry(shown.entry).join('\n'));
      if (shown.entry.installable) writeOut(`\nAdd it with: mcp-tray registry add ${name}${values.version ? ` --version ${values.version}` : ''}`);
      return EXIT_OK;
    });
  },
};

/** Asks for each secret: with a hidden prompt at a terminal, else one value per line of stdin, in the order listed. */
async function askSecrets(plan: PackagePlan): Promise<Record<string, string>> {
  const secrets = plan.variables.filter((variable) => variable.isSecret);
  const values: Record<string, string> = {};
  if (secrets.length === 0) return values;
  const piped = process.stdin.isTTY ? undefined : (await readSecretValue('')).split(/\r?\n/);
  for (const [index, variable] of secrets.entries()) {
    if (!piped && variable.description) writeErr(`${variable.name}: ${variable.description}${variable.isRequired ? '' : ' (optional: press Enter to leave it unset)'}`);
    const value = piped ? (piped[index] ?? '') : await readSecretValue(`${variable.name}`);
    if (value !== '') values[variable.name] = value;
  }
  return values;
}

export const registryAddCommand: CliCommand = {
  name: 'registry add',
  summary: 'Add a server from the MCP Registry (secrets asked without echo)',
  help: `Usage: mcp-tray registry add <name> [--version V] [--package N] [--env K=V]...

Adds a package of an MCP Registry entry as a custom server. Installing runs
the publisher's code: check it with "mcp-tray registry show <name>" first.
Its secrets are asked for with a prompt that does not echo (or read from
stdin, one per line in the order "registry show" lists them) and go to the
system keychain only. When the registry gives a file hash, the package file
is checked against it before the first run, and refused when it differs.

Options:
  --version V   A version other than the latest
  --package N   Which package of the entry (default: the first installable)
  --env K=V     A value for one of its variables; repeat for more
  -h, --help    Show this help`,
  async run(args, environment) {
    const { values, positionals } = parseCommandLine(args, { ...HELP_OPTION, version: { type: 'string' }, package: { type: 'string' }, env: { type: 'string', multiple: true } });
    const [name] = expectPositionals(positionals, ['name']) as [string];
    if (values.package !== undefined && !/^\d+$/.test(values.package)) throw new UsageError(`--package takes the package number "registry show" prints, not "${values.package}".`);
    const env = parseEnvAssignments(values.env ?? [], false) as Record<string, string>;
    const version = values.version ? { version: values.version } : {};
    return withSession(environment, 'running-or-in-process', async (session) => {
      // Shown before asking: typing a token only to learn the package cannot be installed is a poor experience.
      const { entry, source } = await session.call('registry.show', { name, ...version });
      reportSource(source);
      const plan = values.package !== undefined ? entry.packages[Number(values.package)] : (entry.packages.find((candidate) => candidate.installable) ?? entry.packages[0]);
      if (!plan) throw new CliFailure(entry.remote ? `"${name}" is a remote server: MCP Tray cannot add remote servers yet.` : `"${name}" has no package ${values.package ?? ''} to install.`);
      if (!plan.installable) throw new CliFailure(`Cannot add "${name}": ${plan.whyNot ?? ''}`);
      writeErr(`${entry.trustNote}\nIt will run: ${commandLineOf({ command: plan.command ?? '', args: plan.args })}\nFile ${verificationLine(plan)}`);
      const secrets = await askSecrets(plan);
      const added = await session.call('registry.add', { name, ...version, packageIndex: plan.index, secrets, env, autostart: session.running });
      let server = added.server;
      if (!session.running) server = await session.call('servers.setAutostart', { id: server.id, autostart: true });
      writeOut(`Added "${server.id}" (${commandLineOf(server)}).`);
      writeOut(session.running ? describeHealthOutcome(server.health) : 'It starts the next time MCP Tray runs.');
      return EXIT_OK;
    });
  },
};
