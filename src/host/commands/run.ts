import { HELP_OPTION, expectPositionals, parseCommandLine } from '../cli-args';
import { runManagerInForeground } from '../foreground-manager';
import type { CliCommand } from './command';

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'Run MCP Tray in the foreground (servers, logs to stdout, Ctrl+C stops)',
  help: `Usage: mcp-tray run

Runs the manager in this terminal: starts every enabled server marked autostart,
keeps them healthy, and prints every log entry to stdout. Other mcp-tray commands
drive it through its control socket. Ctrl+C (or SIGTERM) stops every server
cleanly, then exits. Only one may run per data folder (MCP_TRAY_HOME).
\`mcp-tray serve\` does the same and also serves the UI in a browser.

Options:
  -h, --help  Show this help`,
  async run(args, environment) {
    const { positionals } = parseCommandLine(args, HELP_OPTION);
    expectPositionals(positionals, []);
    return runManagerInForeground(environment);
  },
};
