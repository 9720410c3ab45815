/**
 * Waiting for the manager: right after login (MCP Tray starts with the session, a client may start
 * before it) and after the manager went away mid-session (it may be restarting). The wait stays well
 * inside the clients' own start-up timeouts (Codex gives a server 10 s).
 */
import type { BridgeOpening } from '../surfaces/control-socket/bridge-client';

export const DEFAULT_MANAGER_WAIT_MS = 4_000;
const MAX_MANAGER_WAIT_MS = 60_000;
const RETRY_EVERY_MS = 100;

/** MCP_TRAY_MANAGER_WAIT_MS when it is a whole number of ms from 0 to 60 000; otherwise the default. */
export function managerWaitMs(env: NodeJS.ProcessEnv): number {
  const raw = env.MCP_TRAY_MANAGER_WAIT_MS;
  const requested = raw === undefined || raw.trim() === '' ? Number.NaN : Number(raw);
  return Number.isInteger(requested) && requested >= 0 && requested <= MAX_MANAGER_WAIT_MS ? requested : DEFAULT_MANAGER_WAIT_MS;
}

/**
 * Tries `open` every 100 ms until a manager answers (yes or no) or `waitMs` has passed; then the
 * last outcome. A connection that broke before an answer is tried again too: a manager that is
 * shutting down drops it, and its successor may be starting.
 */
export async function waitForManager(open: () => Promise<BridgeOpening>, waitMs: number): Promise<BridgeOpening> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const opening = await open();
    if (opening.kind === 'open' || opening.kind === 'refused') return opening;
    const left = deadline - Date.now();
    if (left <= 0) return opening;
    await new Promise((resolve) => setTimeout(resolve, Math.min(RETRY_EVERY_MS, left)));
  }
}
