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
import { approveTools, setToolEnabled, showToolChanges, toolExposureOf } from './tool-exposure';

/**
 * Runs `work` against a live server: the one in the running manager, or, when MCP Tray is not
 * running, just this server started in-process for the duration of the command.
 */
function withLiveServer<T>(environment: CliEnvironment, serverId: string, work: (session: ManagerSession) => Promise<T>, open?: ManagerSession): Promise<T> {
  const onSession = async (session: ManagerSession) => {
    if (!session.running) {
      const health = await session.call('servers.start', { id: serverId });
      if (health.state !== 'running' && health.state !== 'degraded') {
        throw new CliFailure([`Server "${serverId}" did not start; it is ${health.state}.`, ...describeProblem(health).map((line) => `  ${line}`)].join('\n'));
      }
    }
    return work(session);
  };
  return open ? onSession(open) : withSession(environment, 'running-or-in-process', onSession);
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

const TOOLS_OPTIONS = {
  ...HELP_OPTION,
  ...JSON_OPTION,
  disable: { type: 'string' },
  enable: { type: 'string' },
  client: { type: 'string' },
  changes: { type: 'boolean' },
  approve: { type: 'boolean' },
} as const;

/**
 * Lists the server's tools, saying which are off (for every client, or for the clients named) and
 * which are held back from clients until approved; those columns appear once any tool is either.
 */
function listTools(environment: CliEnvironment, serverId: string, json: boolean): Promise<number> {
  return withLiveServer(environment, serverId, async (session) => {
    const { tools } = await session.call('tools.list', { serverId });
    const access = await session.call('tools.access', { serverId });
    const changes = await session.call('tools.changes', { serverId });
    const exposure = toolExposureOf(access, changes);
    if (json) {
      writeJson({ tools, offFor: exposure.offFor, held: exposure.held });
      return EXIT_OK;
    }
    if (tools.length === 0) {
      writeOut(`"${serverId}" offers no tools.`);
      return EXIT_OK;
    }
    const marked = tools.some((tool) => exposure.offFor[tool.name] !== undefined || exposure.held[tool.name] !== undefined);
    const headers = ['TOOL', 'DESCRIPTION', 'HINTS', ...(marked ? ['OFF FOR', 'HELD'] : [])];
    const rows = tools.map((tool) => [
      tool.name,
      firstLine(tool.description),
      hints(tool),
      ...(marked ? [exposure.offFor[tool.name]?.join(', ') ?? '-', exposure.held[tool.name] ?? '-'] : []),
    ]);
    writeOut(formatTable(headers, rows));
    if (tools.some(requiresTaskExecution)) writeOut(`\n${TASK_ONLY_HINT}: ${TASK_REQUIRED_REASON}`);
    if (Object.keys(exposure.held).length > 0) {
      writeOut(`\nHELD: changed or new since you approved the tools of "${serverId}", so clients are not shown them. See the change with: mcp-tray tools ${serverId} --changes`);
    }
    return EXIT_OK;
  });
}

/**
 * Runs `work` where the server's current tools are known: the running manager, or, when MCP Tray is
 * not running, this server started in-process (custom servers only: bundled ones are never pinned).
 */
function withComparableServer<T>(environment: CliEnvironment, serverId: string, work: (session: ManagerSession) => Promise<T>): Promise<T> {
  return withSession(environment, 'running-or-in-process', async (session) => {
    const { kind } = await session.call('servers.get', { id: serverId });
    if (session.running || kind !== 'custom') return work(session);
    return withLiveServer(environment, serverId, work, session);
  });
}

export const toolsCommand: CliCommand = {
  name: 'tools',
  summary: 'List a server\'s tools, turn them off per client, approve changed ones',
  help: `Usage: mcp-tray tools <id> [--json]
       mcp-tray tools <id> --disable <tool> [--client <name>]
       mcp-tray tools <id> --enable <tool> [--client <name>]
       mcp-tray tools <id> --changes [--json]
       mcp-tray tools <id> --approve [<tool>...]

Lists the tools of server <id>. When MCP Tray is not running, starts just this
server for the moment, then stops it. Once a tool is off or held back, the list
shows for whom it is off (OFF FOR: all, or the clients named) and why it is held
back (HELD: changed or new).

--disable and --enable turn a tool off or on for every client that reaches the
server through MCP Tray, or only for the client named by --client (its id, such
as claude-desktop or cursor, or the name it gives itself; case does not matter).
A client is not shown a tool that is off for it, and a call to it is refused.
A tool the server is known not to have is refused.

MCP Tray pins the tool definitions of servers you added. When such a server
changes a tool (its description, input schema or annotations) or adds one, that
tool is held back from clients until you approve it. --changes shows what
changed, as a diff; --approve approves every changed tool, or the tools named.

Options:
  --disable <tool>  Turn the tool off (for every client, or for --client)
  --enable <tool>   Turn the tool on (for every client, or for --client)
  --client <name>   With --disable or --enable: only for this client
  --changes         Show how the tools differ from the approved ones
  --approve         Approve the current definitions of the changed tools
  --json            Print the result as JSON (the list with input schemas)
  -h, --help        Show this help

Examples:
  mcp-tray tools github --disable create_issue --client claude-desktop
  mcp-tray tools github --enable create_issue --client claude-desktop`,
  async run(args, environment) {
    const { values, positionals } = parseCommandLine(args, TOOLS_OPTIONS);
    const json = values.json === true;
    const modes = (['disable', 'enable', 'changes', 'approve'] as const).filter((mode) => values[mode] !== undefined && values[mode] !== false);
    if (modes.length > 1) throw new UsageError(`Give only one of ${modes.map((mode) => `--${mode}`).join(', ')}.`);
    const mode = modes[0];
    if (values.client !== undefined && mode !== 'disable' && mode !== 'enable') throw new UsageError('--client goes with --disable or --enable.');
    if (mode === 'approve') {
      const [serverId, ...tools] = positionals;
      if (serverId === undefined) throw new UsageError('Missing <id>.');
      return withComparableServer(environment, serverId, (session) => approveTools(session, serverId, tools, json));
    }
    const [serverId] = expectPositionals(positionals, ['id']) as [string];
    if (mode === 'disable' || mode === 'enable') {
      const tool = values[mode] as string;
      return withSession(environment, 'running-or-in-process', (session) => setToolEnabled(session, serverId, tool, mode === 'enable', values.client, json));
    }
    if (mode === 'changes') return withComparableServer(environment, serverId, (session) => showToolChanges(session, serverId, json));
    return listTools(environment, serverId, json);
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
