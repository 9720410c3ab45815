import type { ServerState } from '../../shared/contract';
import { useManagerLost } from '../app/connection-context';

const LABELS: Record<ServerState, string> = {
  running: 'Running',
  degraded: 'Degraded',
  backoff: 'Restarting',
  failed: 'Failed',
  stopped: 'Stopped',
  starting: 'Starting',
};

export function stateLabel(state: ServerState): string {
  return LABELS[state];
}

/**
 * A server's state as a coloured dot and word; colour is never the only cue. While the manager
 * cannot be reached the last state heard may no longer be true, so it reads Unknown.
 */
export function StateBadge({ state, testId, title }: { state: ServerState; testId?: string; title?: string }) {
  const lost = useManagerLost();
  const shown = lost ? 'unknown' : state;
  return (
    <span
      className={`state-badge state-${shown}`}
      data-testid={testId}
      data-state={shown}
      title={lost ? `Unknown while MCP Tray cannot be reached (last heard: ${LABELS[state]})` : title}
    >
      <span className="state-dot" aria-hidden="true" />
      {lost ? 'Unknown' : LABELS[state]}
    </span>
  );
}
