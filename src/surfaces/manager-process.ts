/**
 * One manager per data folder, whichever process hosts it (the Electron app, `mcp-tray run`,
 * `mcp-tray serve`): a second one would fight the first over the same servers, so it looks for a
 * running one first; it opens the control socket so the CLI reaches it (control-socket/server.ts);
 * and it stops the normal way on Ctrl+C, SIGTERM or SIGHUP.
 */
import { connectControlSocket, type ConnectOptions } from './control-socket/client';
import { takeOverStopSignals } from './stop-signals';

/** The pid of a manager that already answers for this data folder, or undefined when none does. */
export async function runningManagerPid(dataDir: string, options?: ConnectOptions): Promise<number | undefined> {
  const running = await connectControlSocket(dataDir, options);
  if (!running) return undefined;
  const pid = running.managerPid;
  running.close();
  return pid;
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
