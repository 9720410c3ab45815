import type { MethodResult } from '../../shared/contract';
import { ENV_NAME_PATTERN } from '../../shared/vocabulary';
import { HELP_OPTION, JSON_OPTION, expectPositionals, parseCommandLine } from '../cli-args';
import { withSession } from '../cli-context';
import { EXIT_OK, UsageError } from '../cli-errors';
import { commandLineOf, writeJson, writeOut } from '../cli-output';
import type { CliCommand } from './command';
import { CLIENT_IDS, parseClientId } from './register';

type ImportPlan = MethodResult<'clients.importPlan'>;
type ImportSummary = MethodResult<'clients.import'>;

const IMPORT_OPTIONS = {
  ...HELP_OPTION,
  ...JSON_OPTION,
  'dry-run': { type: 'boolean' },
  rewrite: { type: 'boolean' },
  'drop-backup': { type: 'boolean' },
  projects: { type: 'boolean' },
  'include-flagged': { type: 'boolean' },
  'keep-env': { type: 'string', multiple: true },
} as const;

/** `--keep-env A --keep-env B,C` -> A, B, C. */
function parseKeptNames(raw: string[] | undefined): Set<string> {
  const names = (raw ?? []).flatMap((value) => value.split(',')).map((name) => name.trim()).filter((name) => name !== '');
  const invalid = names.find((name) => !ENV_NAME_PATTERN.test(name));
  if (invalid !== undefined) throw new UsageError(`"${invalid}" is not an environment variable name; --keep-env takes names such as LOG_LEVEL.`);
  return new Set(names);
}

function printPlan(plan: ImportPlan, kept: ReadonlySet<string>, includeFlagged: boolean): void {
  writeOut(`${plan.clientName}: ${plan.configPath}`);
  if (plan.entries.length === 0) writeOut('No server to import.');
  for (const entry of plan.entries) {
    const where = entry.scope === 'project' ? ` (project ${entry.project ?? ''})` : '';
    const left = entry.argsHoldToken && !includeFlagged ? ' (not imported: an argument holds a token; --include-flagged imports it as it is)' : '';
    writeOut(`  ${entry.name}${where} -> ${entry.serverId}${entry.enabled ? '' : ' (disabled, imported disabled)'}${left}`);
    writeOut(`    runs: ${commandLineOf(entry)}`);
    const moving = entry.env.filter((variable) => variable.unset || (variable.secret && !kept.has(variable.name)));
    const staying = entry.env.filter((variable) => !moving.includes(variable));
    if (moving.length > 0) {
      const described = moving.map((variable) => (variable.unset ? `${variable.name} (not set: VS Code asks for it; set it with mcp-tray secrets set ${entry.serverId} ${variable.name})` : `${variable.name} (${variable.hint ?? ''})`));
      writeOut(`    to the keychain: ${described.join(', ')}`);
    }
    if (staying.length > 0) writeOut(`    kept in its environment: ${staying.map((variable) => variable.name).join(', ')}`);
    for (const flag of entry.flags) writeOut(`    ! ${flag}`);
  }
  if (plan.projectEntries.length > 0 && !plan.entries.some((entry) => entry.scope === 'project')) {
    writeOut(`Per-project entries, imported only with --projects: ${plan.projectEntries.map((entry) => `${entry.name} (${entry.project})`).join(', ')}`);
  }
  if (plan.remote.length > 0) writeOut(`Remote, not imported yet: ${plan.remote.map((entry) => entry.name).join(', ')}`);
  for (const skipped of plan.skipped) writeOut(`Skipped ${skipped.name}: ${skipped.reason}`);
  for (const flag of plan.flags) writeOut(`! ${flag}`);
}

function printOutcome(summary: ImportSummary, dropped: readonly string[]): void {
  if (summary.diff !== '') {
    writeOut();
    writeOut(summary.diff.trimEnd());
  }
  writeOut();
  if (summary.dryRun) {
    writeOut('Dry run: nothing was imported, stored or written.');
    return;
  }
  if (summary.added.length === 0) {
    writeOut('Nothing was imported.');
    return;
  }
  writeOut(`Imported ${summary.added.map((server) => server.serverId).join(', ')}.`);
  const moved = summary.added.flatMap((server) => server.secrets.map((name) => `${server.serverId}/${name}`));
  if (moved.length > 0) writeOut(`Moved to the system keychain: ${moved.join(', ')}.`);
  if (summary.rewritten) {
    writeOut(`Rewrote ${summary.configPath}: the imported entries now start through MCP Tray.`);
    if (dropped.length > 0) writeOut(`Deleted the backup of the previous version and every older backup that held the token (${dropped.join(', ')}).`);
    else if (summary.backupPath !== null) {
      writeOut(
        summary.backupHoldsSecrets
          ? `The previous version is saved as ${summary.backupPath} (readable only by you). It still holds the plaintext token: delete it once you no longer need it (--drop-backup does so right after the import).`
          : `The previous version is saved as ${summary.backupPath}.`,
      );
    }
    const older = summary.backupsWithSecrets.filter((backup) => backup !== summary.backupPath);
    if (dropped.length === 0 && older.length > 0) writeOut(`Older backups that still hold the token: ${older.join(', ')} (--drop-backup deletes them too).`);
    writeOut(summary.restartHint);
  } else {
    writeOut(`${summary.configPath} was not changed: the client still starts its own copies. Run again with --rewrite to replace them with MCP Tray's entries.`);
  }
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: "Import an MCP client's servers into MCP Tray, moving their tokens to the keychain",
  help: `Usage: mcp-tray import <client> [--dry-run] [--rewrite] [--drop-backup] [--projects] [--include-flagged] [--keep-env NAME...] [--json]

Reads the client's config file and adds each server in it (command, arguments,
environment) to MCP Tray. Environment values that are secrets (a name with the
word TOKEN, KEY, SECRET, PASSWORD, PASSWD or PAT, a value shaped like a
token, or a URL with a password) move into the system keychain. Entries
already MCP Tray's, and servers MCP Tray already has, are skipped; remote
entries are listed, not imported yet.
Clients: ${CLIENT_IDS}.

Options:
  --dry-run          Print the plan (and with --rewrite the diff); change nothing
  --rewrite          Replace the client's entries for the imported servers with
                     MCP Tray's, so the token leaves the client's file (a backup
                     of the file as it was is kept in MCP Tray's data folder)
  --drop-backup      With --rewrite: delete that backup, and every older one
                     that holds a moved token, right away
  --projects         Also import Claude Code's per-project entries
  --include-flagged  Also import entries with a token in their arguments; the
                     token stays in plain text in MCP Tray's settings (better:
                     move it into an environment variable the server reads)
  --keep-env NAME    Keep this variable in the server's plain environment instead
                     of the keychain (repeat, or NAME,NAME)
  --json             Print the plan and the summary as JSON
  -h, --help         Show this help

Exit codes: 0 done, 1 the import was refused and nothing was changed, 2 wrong command line.`,
  async run(args, environment) {
    const { values, positionals } = parseCommandLine(args, IMPORT_OPTIONS);
    const [rawClient] = expectPositionals(positionals, ['client']) as [string];
    const clientId = parseClientId(rawClient);
    const kept = parseKeptNames(values['keep-env']);
    const dryRun = values['dry-run'] === true;
    const rewrite = values.rewrite === true;
    if (values['drop-backup'] === true && !rewrite) throw new UsageError('--drop-backup deletes the backup that --rewrite makes; give both.');
    const includeProjects = values.projects === true;
    const includeFlagged = values['include-flagged'] === true;
    return withSession(environment, 'running-or-in-process', async (session) => {
      const plan = await session.call('clients.importPlan', { clientId, includeProjects });
      const known = new Set(plan.entries.flatMap((entry) => entry.env.map((variable) => variable.name)));
      const unknown = [...kept].find((name) => !known.has(name));
      if (unknown !== undefined) throw new UsageError(`No server to import has a variable ${unknown}; --keep-env names one of: ${[...known].join(', ') || '(none)'}.`);
      const choices = plan.entries
        .filter((entry) => includeFlagged || !entry.argsHoldToken)
        .map((entry) => ({ key: entry.key, secrets: entry.env.filter((variable) => variable.secret && !kept.has(variable.name)).map((variable) => variable.name), keepTokenArgs: entry.argsHoldToken }));
      if (!values.json) printPlan(plan, kept, includeFlagged);
      const summary = await session.call('clients.import', { clientId, choices, rewrite, includeProjects, dryRun });
      const dropped = values['drop-backup'] === true && !dryRun ? [...new Set([...(summary.backupPath === null ? [] : [summary.backupPath]), ...summary.backupsWithSecrets])] : [];
      for (const backup of dropped) await session.call('clients.dropBackup', { path: backup });
      if (values.json) writeJson({ plan, summary, droppedBackup: dropped.length > 0, droppedBackups: dropped });
      else printOutcome(summary, dropped);
      return EXIT_OK;
    });
  },
};
