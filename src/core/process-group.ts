import type { OrphanGuard } from './orphan-guard';

/**
 * What is left of a server's process group once its main process has exited: helpers it forked
 * stay in the group (its id is the server's pid) and can still be signalled through it.
 * POSIX only: Windows has no process groups, and there the child transport ends the tree by pid.
 */

const POLL_MS = 50;

/** Sends a signal to every process in the group; false when the group has no process left. */
function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  if (process.platform === 'win32') return false;
  try {
    // A negative pid addresses the whole group, leader or not. A process that called setsid()
    // (or setpgid) has left the group and is out of reach of this signal: no group kill can end it.
    process.kill(-pgid, signal);
    return true;
  } catch (error) {
    // EPERM: a member we may not signal; it still counts as alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Resolves true once the group has no process left (not even one waiting to be reaped), false after timeoutMs. */
async function waitForEmptyGroup(pgid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (signalGroup(pgid, 0)) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS).unref());
  }
  return true;
}

/**
 * The escalation every stop ends with: SIGTERM, up to graceMs to go by itself, then SIGKILL.
 * `send` returns false when there is nothing left to signal; `goneWithin` resolves true once it is gone.
 */
export async function terminateThenKill(
  send: (signal: 'SIGTERM' | 'SIGKILL') => boolean,
  goneWithin: (ms: number) => Promise<boolean>,
  graceMs: number,
): Promise<void> {
  if (!send('SIGTERM')) return;
  if (await goneWithin(graceMs)) return;
  send('SIGKILL');
}

/**
 * Ends every process still in the group: SIGTERM, then SIGKILL to what is left after graceMs.
 * Resolves once the group is empty or SIGKILL has been sent.
 */
function terminateGroup(pgid: number, graceMs: number): Promise<void> {
  return terminateThenKill(
    (signal) => signalGroup(pgid, signal),
    (ms) => waitForEmptyGroup(pgid, ms),
    graceMs,
  );
}

interface GroupReaperOptions {
  /** Time between SIGTERM and SIGKILL for what a server left behind. */
  graceMs: number;
  /** Told to forget a group only once it is empty, so a manager that dies meanwhile still ends it. */
  guard?: Pick<OrphanGuard, 'untrack'> | undefined;
  /** A group still not empty a minute after SIGKILL (its processes stuck, or never reaped). */
  onStillThere(pgid: number): void;
}

/** How long after SIGKILL a group may take to empty before that is reported. */
const EMPTY_AFTER_KILL_MS = 60_000;

/** Ends the process groups of a server's exited processes, one after another or at once. */
export class GroupReaper {
  private readonly ending = new Set<Promise<void>>();

  constructor(private readonly options: GroupReaperOptions) {}

  end(pgid: number): void {
    const ending = terminateGroup(pgid, this.options.graceMs).finally(() => this.ending.delete(ending));
    this.ending.add(ending);
    void ending
      .then(() => waitForEmptyGroup(pgid, EMPTY_AFTER_KILL_MS))
      .then((empty) => (empty ? this.options.guard?.untrack(pgid) : this.options.onStillThere(pgid)))
      .catch(() => {});
  }

  /** Resolves once every group being ended is empty or has been sent SIGKILL. */
  async settled(): Promise<void> {
    await Promise.all(this.ending);
  }
}
