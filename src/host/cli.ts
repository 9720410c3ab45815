/**
 * `mcp-tray`: the command line for MCP Tray. Every command works with a running manager (over
 * its control socket) and, where it makes sense, without one (on an in-process manager that
 * starts nothing unless the command needs a live server).
 *
 * Exit codes: 0 done, 1 failed (the message says why), 2 wrong command line (usage on stderr).
 */
import { messageOf } from '../shared/error-message';
import { wantsHelp } from './cli-args';
import { resolveCliEnvironment } from './cli-context';
import { CliFailure, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError } from './cli-errors';
import { formatTable, writeErr, writeOut } from './cli-output';
import { COMMANDS } from './commands';
import type { CliCommand } from './commands/command';

/** Words that only group subcommands: `mcp-tray servers` alone shows the group's help. */
const GROUPS = ['servers', 'secrets'] as const;

function mainHelp(): string {
  return `Usage: mcp-tray <command> [options]

MCP Tray runs local MCP servers and keeps them healthy. These commands drive
the running app (or \`mcp-tray run\`); most also work when it is not running.

Commands:
${formatTable(['', ''], COMMANDS.map((command) => [`  ${command.name}`, command.summary])).split('\n').slice(1).join('\n')}

Run \`mcp-tray <command> --help\` for a command's options.
Environment: MCP_TRAY_HOME (data folder), MCP_TRAY_KEYCHAIN_SERVICE (keychain service name).
Exit codes: 0 done, 1 failed, 2 wrong command line.`;
}

function groupHelp(group: string): string {
  const members = COMMANDS.filter((command) => command.name.startsWith(`${group} `));
  return `Usage: mcp-tray ${group} <${members.map((command) => command.name.slice(group.length + 1)).join('|')}> ...

${formatTable(['', ''], members.map((command) => [`  ${command.name}`, command.summary])).split('\n').slice(1).join('\n')}

Run \`mcp-tray ${group} <command> --help\` for its options.`;
}

interface Resolved {
  command: CliCommand;
  args: string[];
}

/** The command named by the first one or two words, if any. */
function resolveCommand(argv: string[]): Resolved | undefined {
  const [first, second] = argv;
  const twoWords = COMMANDS.find((command) => command.name === `${first} ${second}`);
  if (twoWords) return { command: twoWords, args: argv.slice(2) };
  const oneWord = COMMANDS.find((command) => command.name === first);
  return oneWord ? { command: oneWord, args: argv.slice(1) } : undefined;
}

function usageFailure(message: string, usage: string): number {
  writeErr(`mcp-tray: ${message}`);
  writeErr('');
  writeErr(usage);
  return EXIT_USAGE;
}

async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) return usageFailure('Give a command.', mainHelp());
  if (first === '--help' || first === '-h') {
    writeOut(mainHelp());
    return EXIT_OK;
  }
  if (first === 'help') {
    const target = rest.length === 0 ? undefined : resolveCommand(rest);
    const group = GROUPS.find((name) => name === rest[0] && rest.length === 1);
    writeOut(target ? target.command.help : group ? groupHelp(group) : mainHelp());
    return EXIT_OK;
  }

  const resolved = resolveCommand(argv);
  if (!resolved) {
    const group = GROUPS.find((name) => name === first);
    if (group) {
      if (wantsHelp(rest)) {
        writeOut(groupHelp(group));
        return EXIT_OK;
      }
      return usageFailure(rest[0] === undefined ? `Give a ${group} command.` : `Unknown command "${group} ${rest[0]}".`, groupHelp(group));
    }
    return usageFailure(`Unknown command "${first}".`, mainHelp());
  }

  const { command, args } = resolved;
  if (wantsHelp(args)) {
    writeOut(command.help);
    return EXIT_OK;
  }
  try {
    return await command.run(args, resolveCliEnvironment());
  } catch (error) {
    if (error instanceof UsageError) return usageFailure(error.message, command.help);
    if (error instanceof CliFailure) {
      writeErr(`mcp-tray: ${error.message}`);
      return error.exitCode;
    }
    // ContractError messages are written for people; anything else is unexpected, but still no stack.
    writeErr(`mcp-tray: ${messageOf(error)}`);
    if (process.env.MCP_TRAY_DEBUG === '1' && error instanceof Error && error.stack) writeErr(error.stack);
    return EXIT_FAILURE;
  }
}

/** Exits once stdout and stderr have flushed, so piped output is never cut short. */
function exitAfterFlush(code: number): void {
  let pending = 2;
  const done = () => {
    pending -= 1;
    if (pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}

main(process.argv.slice(2)).then(exitAfterFlush, (error: unknown) => {
  writeErr(`mcp-tray: ${messageOf(error)}`);
  exitAfterFlush(EXIT_FAILURE);
});
