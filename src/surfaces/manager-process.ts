/**
 * One manager per data folder, whichever process hosts it (the Electron app, `mcp-tray run`,
 * `mcp-tray serve`): a second one would fight the first over the same servers, so it looks for a
 * running one first (each host says so in its own words); it opens the control socket so the CLI
 * reaches it (control-socket/server.ts); and it stops the normal way on Ctrl+C, SIGTERM or SIGHUP.
 */
import { connectControlSocket } from './control-socket/client';
import { takeOverStopSignals } from './stop-signals';

/** The pid of a manager that already answers for this data folder, or undefined when none does. */
async function runningManagerPid(dataDir: string): Promise<number | undefined> {
  const running = await connectControlSocket(dataDir);
  if (!running) return undefined;
  const pid = running.managerPid;
  running.close();
  return pid;
}

/** Another manager already answers for this data folder; `pid` is its process. */
export class ManagerAlreadyRunning extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`A manager already runs for ${dataDir} (pid ${pid}).`);
    this.name = 'ManagerAlreadyRunning';
  }
}

/**
 * Throws ManagerAlreadyRunning when a manager answers for `dataDir`. One that listens but does not
 * answer in time is reported as such (connectControlSocket's timeout error), not taken for none.
 */
export async function refuseSecondManager(dataDir: string): Promise<void> {
  const pid = await runningManagerPid(dataDir);
  if (pid !== undefined) throw new ManagerAlreadyRunning(dataDir, pid);
}

/**
 * Resolves with the first stop signal, for the manager to stop its servers; every later one goes
 * to `onRepeat` (a second Ctrl+C gives up waiting).
 */
export function stopOnSignals(onRepeat: (signal: NodeJS.Signals) => void): Promise<NodeJS.Signals> {
  const signals = takeOverStopSignals();
  signals.onRepeat(onRepeat);
  return signals.requested;
}
