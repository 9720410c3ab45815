import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { randomUUID } from 'node:crypto';
import { ContractError, type MethodInput, type MethodResult } from '../../shared/contract';
import { HELP_OPTION, JSON_OPTION, expectPositionals, parseCommandLine, parsePositiveInteger } from '../cli-args';
import { withSession, type CliEnvironment, type ManagerSession } from '../cli-context';
import { CliFailure, EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK, UsageError } from '../cli-errors';
import { describeProblem, formatTable, writeErr, writeJson, writeOut } from '../cli-output';
import { formatToolResult } from '../tool-result-text';
import { takeOverStopSignals } from '../../surfaces/stop-signals';
import { parseJsonArguments, parseKeyValueArguments, type ToolArguments } from '../tool-arguments';
import { TASK_REQUIRED_REASON, requiresTaskExecution } from '../../shared/tool-task-support';
import type { CliCommand } from './command';

/**
 * Runs `work` against a live server: the one in the running manager, or, when MCP Tray is not
 * running, just this server started in-process for the duration of the command.
 */
function withLiveServer<T>(environment: CliEnvironment, serverId: string, work: (session: ManagerSession) => Promise<T>): Promise<T> {
  return withSession(environment, 'running-or-in-process', async (session) => {
    if (!session.running) {
      const health = await session.call('servers.start', { id: serverId });
      if (health.state !== 'running' && health.state !== 'degraded') {
        throw new CliFailure([`Server "${serverId}" did not start; it is ${health.state}.`, ...describeProblem(health).map((line) => `  ${line}`)].join('\n'));
      }
    }
    return work(session);
  });
}

function firstLine(text: string | undefined, max = 90): string {
  const line = (text ?? '').trim().split('\n')[0] ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

const TASK_ONLY_HINT = 'MCP task only';

function hints(tool: Tool): string {
  const words: string[] = requiresTaskExecution(tool) ? [TASK_ONLY_HINT] : [];
  const annotations = tool.annotations;
  if (!annotations) return words.join(', ');
  if (annotations.readOnlyHint) words.push('read-only');
  if (annotations.destructiveHint && !annotations.readOnlyHint) words.push('destructive');
  if (annotations.idempotentHint) words.push('idempotent');
  if (annotations.openWorldHint) words.push('open-world');
  return words.join(', ');
}

export const toolsCommand: CliCommand = {
  name: 'tools',
  summary: 'List the tools a server offers',
  help: `Usage: mcp-tray tools <id> [--json]

Lists the tools of server <id>. When MCP Tray is not running, starts just this
server for the moment, then stops it.

Options:
  --json      Print { tools } as JSON, input schemas included
  -h, --help  Show this help`,
  async run(args, environment) {
    const { values, positionals } = parseCommandLine(args, { ...HELP_OPTION, ...JSON_OPTION });
    const [serverId] = expectPositionals(positionals, ['id']) as [string];
    return withLiveServer(environment, serverId, async (session) => {
      const { tools } = await session.call('tools.list', { serverId });
      if (values.json) {
        writeJson({ tools });
        return EXIT_OK;
      }
      if (tools.length === 0) {
        writeOut(`"${serverId}" offers no tools.`);
        return EXIT_OK;
      }
      writeOut(formatTable(['TOOL', 'DESCRIPTION', 'HINTS'], tools.map((tool) => [tool.name, firstLine(tool.description), hints(tool)])));
      if (tools.some(requiresTaskExecution)) writeOut(`\n${TASK_ONLY_HINT}: ${TASK_REQUIRED_REASON}`);
      return EXIT_OK;
    });
  },
};

const CALL_OPTIONS = {
  ...HELP_OPTION,
  json: { type: 'string' },
  output: { type: 'string' },
  timeout: { type: 'string' },
} as const;

/**
 * Runs the call under an id of our own, so Ctrl+C (or SIGTERM/SIGHUP) cancels it in the manager at
 * once, and the server is told to stop, instead of the call running on until its timeout.
 * A second Ctrl+C leaves without waiting for the answer to the cancel.
 */
async function callCancellableByCtrlC(session: ManagerSession, input: Omit<MethodInput<'tools.call'>, 'callId'>): Promise<MethodResult<'tools.call'>> {
  const callId = `cli-${randomUUID()}`;
  const signals = takeOverStopSignals();
  signals.onRepeat(() => process.exit(EXIT_INTERRUPTED));
  let interrupted = false;
  void signals.requested.then(() => {
    interrupted = true;
    writeErr('mcp-tray: cancelling the call (Ctrl+C again to leave at once)…');
    session.call('calls.cancel', { callId }).catch(() => {});
  });
  try {
    return await session.call('tools.call', { ...input, callId });
  } catch (error) {
    if (interrupted && error instanceof ContractError && error.code === 'cancelled') throw new CliFailure(`The call to ${input.name} was cancelled.`, EXIT_INTERRUPTED);
    throw error;
  }
}

export const callCommand: CliCommand = {
  name: 'call',
  summary: 'Call a tool and print its result',
  help: `Usage: mcp-tray call <id> <tool> [--json '{...}' | name=value ...] [--output json] [--timeout S]

Calls <tool> of server <id> and prints its result. Arguments come either as one
JSON object (--json) or as name=value words: a value is read as JSON when it is
JSON (numbers, true/false, null, arrays), otherwise as text; properties the
tool declares as strings stay text. Dotted names build objects: place.lat=52.5.
When MCP Tray is not running, starts just this server for the call.
Exits 1 when the tool reports an error (isError).

Options:
  --json '{...}'   The arguments as a JSON object
  --output json    Print the whole result as JSON
  --timeout S      Give up after S seconds (default: the app's call timeout)
  -h, --help       Show this help

Examples:
  mcp-tray call weather get_weather location=Berlin units=celsius
  mcp-tray call weather get_forecast --json '{"location": "52.52,13.41", "days": 3}'`,
  async run(args, environment) {
    const { values, positionals } = parseCommandLine(args, CALL_OPTIONS);
    const [serverId, toolName, ...words] = positionals;
    if (serverId === undefined || toolName === undefined) throw new UsageError(`Missing ${serverId === undefined ? '<id> <tool>' : '<tool>'}.`);
    if (values.json !== undefined && words.length > 0) throw new UsageError('Give the arguments either as --json or as name=value words, not both.');
    if (values.output !== undefined && values.output !== 'json' && values.output !== 'text') throw new UsageError('--output is "json" or "text".');
    const timeoutMs = values.timeout === undefined ? undefined : parsePositiveInteger('timeout', values.timeout, 60, 3_600) * 1000;
    const jsonArguments = values.json === undefined ? undefined : parseJsonArguments(values.json);
    // Syntax first, so a typo is a usage error before any server starts; types come from the tool's schema below.
    parseKeyValueArguments(words);

    return withLiveServer(environment, serverId, async (session) => {
      const { tools } = await session.call('tools.list', { serverId });
      const tool = tools.find((candidate) => candidate.name === toolName);
      if (!tool) throw new CliFailure(`"${serverId}" has no tool named ${toolName}. Run \`mcp-tray tools ${serverId}\` to see its tools.`);
      const toolArguments: ToolArguments = jsonArguments ?? parseKeyValueArguments(words, tool.inputSchema);
      const { result } = await callCancellableByCtrlC(session, {
        serverId,
        name: toolName,
        arguments: toolArguments,
        ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      });
      if (values.output === 'json') writeJson(result);
      else writeOut(formatToolResult(result));
      return result.isError ? EXIT_FAILURE : EXIT_OK;
    });
  },
};
