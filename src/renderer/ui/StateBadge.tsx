import type { ServerState } from '../../shared/contract';

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

/** A server's state as a coloured dot and word; colour is never the only cue. */
export function StateBadge({ state, testId, title }: { state: ServerState; testId?: string; title?: string }) {
  return (
    <span className={`state-badge state-${state}`} data-testid={testId} data-state={state} title={title}>
      <span className="state-dot" aria-hidden="true" />
      {LABELS[state]}
    </span>
  );
}
