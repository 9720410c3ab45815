import type { Health } from '../../src/shared/contract';

/** A server's health as the contract carries it, with nothing known beyond what a test sets in `known`. */
export function healthOf(serverId: string, state: Health['state'], known: Partial<Omit<Health, 'serverId' | 'state'>> = {}): Health {
  return {
    serverId,
    state,
    pid: null,
    startedAt: null,
    uptimeMs: null,
    restartCount: 0,
    nextRestartAt: null,
    lastExit: null,
    error: null,
    pingLatencyMs: { last: null, median: null },
    consecutivePingFailures: 0,
    rssBytes: null,
    counts: { tools: 0, resources: 0, prompts: 0 },
    ...known,
  };
}
