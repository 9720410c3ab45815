import { HELP_OPTION, JSON_OPTION, expectPositionals, parseCommandLine } from '../cli-args';
import { withSession } from '../cli-context';
import { EXIT_OK } from '../cli-errors';
import { describeProblem, describeState, formatDuration, formatTable, writeJson, writeOut } from '../cli-output';
import type { CliCommand } from './command';

const OPTIONS = { ...HELP_OPTION, ...JSON_OPTION };

export const statusCommand: CliCommand = {
  name: 'status',
  summary: 'Whether MCP Tray is running, and the state of every server',
  help: `Usage: mcp-tray status [--json]

Shows whether MCP Tray is running and, for every server, its state, process id,
uptime, restarts and tool count. When MCP Tray is not running, lists the configured
servers (all stopped).

Options:
  --json      Print { manager, servers } as JSON
  -h, --help  Show this help`,
  async run(args, environment) {
    const { values, positionals } = parseCommandLine(args, OPTIONS);
    expectPositionals(positionals, []);
    return withSession(environment, 'running-or-in-process', async (session) => {
      const servers = await session.call('servers.list', {});
      if (values.json) {
        writeJson({ manager: { running: session.running, pid: session.managerPid ?? null, dataDir: environment.dataDir }, servers });
        return EXIT_OK;
      }
      writeOut(
        session.running
          ? `MCP Tray is running (pid ${session.managerPid}).`
          : 'MCP Tray is not running (start it with `mcp-tray run` or open the app).',
      );
      writeOut(`Data folder: ${environment.dataDir}`);
      writeOut();
      const rows = servers.map(({ id, name, kind, enabled, health }) => [
        id,
        name,
        kind,
        describeState(health, enabled),
        health.pid === null ? '-' : String(health.pid),
        health.uptimeMs === null ? '-' : formatDuration(health.uptimeMs),
        String(health.restartCount),
        health.state === 'running' || health.state === 'degraded' ? String(health.counts.tools) : '-',
      ]);
      writeOut(formatTable(['ID', 'NAME', 'KIND', 'STATE', 'PID', 'UPTIME', 'RESTARTS', 'TOOLS'], rows));
      const troubled = servers.filter(({ health }) => health.state === 'failed' || health.state === 'backoff' || health.state === 'degraded');
      for (const { id, health } of troubled) {
        writeOut();
        writeOut(`${id}:`);
        for (const line of describeProblem(health)) writeOut(`  ${line}`);
      }
      return EXIT_OK;
    });
  },
};
