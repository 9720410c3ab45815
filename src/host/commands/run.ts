import type { LogEntry } from '../../shared/contract';
import { HELP_OPTION, expectPositionals, parseCommandLine } from '../cli-args';
import { createCore, type CliEnvironment } from '../cli-context';
import { CliFailure, EXIT_OK } from '../cli-errors';
import { writeErr, writeOut } from '../cli-output';
import { connectControlSocket, serveControlSocket, type ControlSocketServer } from '../control-socket';
import { formatLogLine } from '../log-line';
import { takeOverStopSignals } from '../stop-signals';
import type { CliCommand } from './command';

async function refuseIfRunning(environment: CliEnvironment): Promise<void> {
  const running = await connectControlSocket(environment.dataDir);
  if (!running) return;
  const pid = running.managerPid;
  running.close();
  throw new CliFailure(`MCP Tray is already running for ${environment.dataDir} (pid ${pid}). Use it with the other mcp-tray commands, or stop it first.`);
}

async function runManager(environment: CliEnvironment): Promise<number> {
  const signals = takeOverStopSignals();
  // A second Ctrl+C while stopping gives up waiting; the orphan guard still ends the children.
  signals.onRepeat((signal) => {
    writeErr(`${signal} again: stopping at once.`);
    process.exit(130);
  });
  const stop = signals.requested;
  await refuseIfRunning(environment);
  const core = await createCore(environment);
  let control: ControlSocketServer;
  try {
    control = await serveControlSocket(core, environment.dataDir);
  } catch (error) {
    await core.shutdown();
    throw error;
  }
  // stdout may be a pipe that closes (`mcp-tray run | head`) or a terminal that went away; the manager keeps running without it.
  process.stdout.on('error', () => {});
  process.stderr.on('error', () => {});
  core.on('log.entry', (entry: LogEntry) => writeOut(formatLogLine(entry)));
  writeErr(`MCP Tray is running (pid ${process.pid}). Data folder: ${environment.dataDir}`);
  writeErr(`Other mcp-tray commands reach it through ${control.path}. Press Ctrl+C to stop.`);

  try {
    await Promise.race([core.startAutostartServers(), stop]);
    const signal = await stop;
    writeErr(`${signal}: stopping every server…`);
  } finally {
    await control.close();
    await core.shutdown();
  }
  writeErr('MCP Tray stopped.');
  return EXIT_OK;
}

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'Run MCP Tray in the foreground (servers, logs to stdout, Ctrl+C stops)',
  help: `Usage: mcp-tray run

Runs the manager in this terminal: starts every enabled server marked autostart,
keeps them healthy, and prints every log entry to stdout. Other mcp-tray commands
drive it through its control socket. Ctrl+C (or SIGTERM) stops every server
cleanly, then exits. Only one may run per data folder (MCP_TRAY_HOME).

Options:
  -h, --help  Show this help`,
  async run(args, environment) {
    const { positionals } = parseCommandLine(args, HELP_OPTION);
    expectPositionals(positionals, []);
    return runManager(environment);
  },
};
