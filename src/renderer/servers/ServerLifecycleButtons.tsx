import type { ServerSummary } from '../../shared/contract';
import type { ServerActions } from './use-server-actions';
import { Icon } from '../ui/Icon';

/** Whether the server is (or is about to be) up, so the main button is Stop rather than Start. */
function isUp(server: ServerSummary): boolean {
  const { state } = server.health;
  return state === 'running' || state === 'degraded' || state === 'starting' || state === 'backoff';
}

/**
 * Start or Stop (one button of fixed width that swaps, so the row never reflows) and Restart.
 * A disabled server cannot be started; the button says why in its tooltip.
 */
export function ServerLifecycleButtons({ server, actions, compact = false }: { server: ServerSummary; actions: ServerActions; compact?: boolean }) {
  const up = isUp(server);
  const busy = actions.isPending(server.id, 'start') || actions.isPending(server.id, 'stop') || actions.isPending(server.id, 'restart');
  const disabledReason = server.enabled ? undefined : 'Enable the server first';
  return (
    <div className="button-group">
      {up ? (
        <button
          type="button"
          className="btn btn-small btn-lifecycle"
          onClick={() => void actions.stop(server)}
          disabled={busy}
          data-testid={`server-stop-${server.id}`}
          aria-label={compact ? `Stop ${server.name}` : undefined}
        >
          <Icon name="stop" size={14} />
          {actions.isPending(server.id, 'stop') ? 'Stopping…' : 'Stop'}
        </button>
      ) : (
        <button
          type="button"
          className="btn btn-small btn-lifecycle"
          onClick={() => void actions.start(server)}
          disabled={busy || !server.enabled}
          title={disabledReason}
          data-testid={`server-start-${server.id}`}
          aria-label={compact ? `Start ${server.name}` : undefined}
        >
          <Icon name="play" size={14} />
          {actions.isPending(server.id, 'start') ? 'Starting…' : 'Start'}
        </button>
      )}
      <button
        type="button"
        className="btn btn-small btn-icon"
        onClick={() => void actions.restart(server)}
        disabled={busy || !server.enabled || server.health.state === 'stopped'}
        title={disabledReason ?? 'Restart'}
        aria-label={`Restart ${server.name}`}
        data-testid={`server-restart-${server.id}`}
      >
        <Icon name="restart" size={14} />
      </button>
    </div>
  );
}
