import type { Health } from '../../shared/contract';
import { HELP_OPTION, expectPositionals, parseCommandLine } from '../cli-args';
import { withSession, type CliEnvironment } from '../cli-context';
import { EXIT_FAILURE, EXIT_OK } from '../cli-errors';
import { describeHealthOutcome, describeProblem, writeErr, writeOut } from '../cli-output';
import type { CliCommand } from './command';

type Action = 'start' | 'stop' | 'restart';

const SUMMARIES: Record<Action, string> = {
  start: 'Start a server in the running MCP Tray',
  stop: 'Stop a server in the running MCP Tray',
  restart: 'Restart a server in the running MCP Tray',
};

function isUp(health: Health): boolean {
  return health.state === 'running' || health.state === 'degraded';
}

async function runAction(action: Action, args: string[], environment: CliEnvironment): Promise<number> {
  const { positionals } = parseCommandLine(args, HELP_OPTION);
  const [id] = expectPositionals(positionals, ['id']);
  return withSession(environment, 'running-only', async (session) => {
    const health = await session.call(`servers.${action}`, { id: id as string });
    const wanted = action === 'stop' ? health.state === 'stopped' : isUp(health);
    if (wanted) {
      writeOut(describeHealthOutcome(health));
      return EXIT_OK;
    }
    writeErr(`mcp-tray: ${id} did not ${action === 'stop' ? 'stop' : 'start'}; it is ${health.state}.`);
    for (const line of describeProblem(health)) writeErr(`  ${line}`);
    return EXIT_FAILURE;
  });
}

function lifecycleCommand(action: Action): CliCommand {
  return {
    name: action,
    summary: SUMMARIES[action],
    help: `Usage: mcp-tray ${action} <id>

${SUMMARIES[action]}. Needs MCP Tray running (\`mcp-tray run\` or the app).
Exits 1 when the server ends up ${action === 'stop' ? 'not stopped' : 'not running'}, with the reason.

Options:
  -h, --help  Show this help`,
    run: (args, environment) => runAction(action, args, environment),
  };
}

export const startCommand = lifecycleCommand('start');
export const stopCommand = lifecycleCommand('stop');
export const restartCommand = lifecycleCommand('restart');
