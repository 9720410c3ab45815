import type { ServerState, ServerSummary } from '../../shared/contract';

const ORDER: readonly ServerState[] = ['running', 'degraded', 'starting', 'backoff', 'failed', 'stopped'];
const WORDS: Record<ServerState, string> = { running: 'running', degraded: 'degraded', starting: 'starting', backoff: 'restarting', failed: 'failed', stopped: 'stopped' };

/** "3 servers · 2 running · 1 failed": the answer to "is everything working" in one line. */
export function ServersSummary({ servers }: { servers: readonly ServerSummary[] }) {
  if (servers.length === 0) return <p className="page-subtitle">&nbsp;</p>;
  const counts = new Map<ServerState, number>();
  for (const server of servers) counts.set(server.health.state, (counts.get(server.health.state) ?? 0) + 1);
  return (
    <p className="page-subtitle" data-testid="servers-summary">
      {servers.length} {servers.length === 1 ? 'server' : 'servers'}
      {ORDER.filter((state) => counts.has(state)).map((state) => (
        <span key={state} className={`summary-part summary-${state}`}>
          {' · '}
          {counts.get(state)} {WORDS[state]}
        </span>
      ))}
    </p>
  );
}
