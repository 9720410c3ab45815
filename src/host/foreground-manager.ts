/**
 * One manager in the foreground of this terminal, as `mcp-tray run` and `mcp-tray serve` both need
 * it: refuse a second manager for the same data folder, open the control socket (so the other
 * mcp-tray commands drive it), print every log entry to stdout, start the autostart servers, and on
 * Ctrl+C / SIGTERM / SIGHUP close every surface and stop every server before exiting.
 */
import type { AppCore } from '../core/app-core';
import type { LogEntry } from '../shared/contract';
import { createCore, type CliEnvironment } from './cli-context';
import { CliFailure, EXIT_OK } from './cli-errors';
import { writeErr, writeOut } from './cli-output';
import { serveControlSocket } from '../surfaces/control-socket/server';
import { BYTES_PER_MB } from '../shared/message-size';
import { formatLogLine } from './log-line';
import { ManagerAlreadyRunning, refuseSecondManager, stopOnSignals } from '../surfaces/manager-process';

/** Something the manager exposes besides its control socket (serve: the HTTP bridge and the UI). */
interface ManagerSurface {
  close(): Promise<void>;
}

interface ForegroundManagerOptions {
  /**
   * Opens an extra surface once the core and its control socket are up, before any server starts.
   * It is closed first on the way out. A failure here stops the manager with that error.
   */
  openSurface?: (core: AppCore) => Promise<ManagerSurface>;
}

async function refuseIfRunning(environment: CliEnvironment): Promise<void> {
  try {
    await refuseSecondManager(environment.dataDir);
  } catch (error) {
    if (!(error instanceof ManagerAlreadyRunning)) throw error;
    throw new CliFailure(`MCP Tray is already running for ${error.dataDir} (pid ${error.pid}). Use it with the other mcp-tray commands, or stop it first.`);
  }
}

async function closeAll(surfaces: ManagerSurface[]): Promise<void> {
  // Newest first: the HTTP bridge goes before the control socket it was opened after.
  for (const surface of [...surfaces].reverse()) await surface.close().catch(() => {});
}

export async function runManagerInForeground(environment: CliEnvironment, options: ForegroundManagerOptions = {}): Promise<number> {
  // A second Ctrl+C while stopping gives up waiting; the orphan guard still ends the children.
  const stop = stopOnSignals((signal) => {
    writeErr(`${signal} again: stopping at once.`);
    process.exit(130);
  });
  // stdout may be a pipe that closes (`mcp-tray run | head`) or a terminal that went away; the manager keeps running without it.
  process.stdout.on('error', () => {});
  process.stderr.on('error', () => {});
  await refuseIfRunning(environment);
  const core = await createCore(environment);
  const surfaces: ManagerSurface[] = [];
  let controlPath: string;
  try {
    // Clients started through the launcher reach the servers over this socket too.
    const control = await serveControlSocket(core, environment.dataDir, { bridge: core.bridge, maxBridgeLineChars: () => core.settings.get().app.maxMessageMb * BYTES_PER_MB });
    surfaces.push(control);
    controlPath = control.path;
    if (options.openSurface) surfaces.push(await options.openSurface(core));
  } catch (error) {
    await closeAll(surfaces);
    await core.shutdown();
    throw error;
  }
  core.on('log.entry', (entry: LogEntry) => writeOut(formatLogLine(entry)));
  writeErr(`MCP Tray is running (pid ${process.pid}). Data folder: ${environment.dataDir}`);
  writeErr(`Other mcp-tray commands reach it through ${controlPath}. Press Ctrl+C to stop.`);

  try {
    await Promise.race([core.startAutostartServers(), stop]);
    const signal = await stop;
    writeErr(`${signal}: stopping every server…`);
  } finally {
    await closeAll(surfaces);
    await core.shutdown();
  }
  writeErr('MCP Tray stopped.');
  return EXIT_OK;
}
