import { useEffect, useState } from 'react';
import type { Health } from '../../shared/contract';
import { messageOf } from '../../shared/error-message';
import { useApi } from '../app/api-context';
import { Icon } from '../ui/Icon';

interface ServerNotRunningProps {
  serverId: string;
  /** What the list is, for the sentence: "tools", "resources", "prompts". */
  what: string;
  /** The manager's own words when the list was refused. */
  message: string;
  onStarted: () => void;
}

function headline(health: Health | null): string {
  switch (health?.state) {
    case 'failed':
      return 'The server has failed';
    case 'backoff':
      return 'The server crashed and will restart';
    case 'starting':
      return 'The server is starting…';
    default:
      return 'The server is stopped';
  }
}

/** Why a list cannot be shown (the server is not running) and the button that fixes it. */
export function ServerNotRunning({ serverId, what, message, onStarted }: ServerNotRunningProps) {
  const api = useApi();
  const [health, setHealth] = useState<Health | null>(null);
  const [starting, setStarting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    api.call('health.get', { id: serverId }).then(
      (current) => {
        if (!cancelled) setHealth(current);
      },
      () => undefined,
    );
    const off = api.on('server.health', (next) => {
      if (next.serverId === serverId) setHealth(next);
    });
    return () => {
      cancelled = true;
      off();
    };
  }, [api, serverId]);

  const start = async () => {
    setStarting(true);
    setFailure(null);
    try {
      const next = await api.call('servers.start', { id: serverId });
      setHealth(next);
      if (next.state === 'running' || next.state === 'degraded') onStarted();
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setStarting(false);
    }
  };

  const busy = starting || health?.state === 'starting';
  // The heading already says "stopped"; a failure's own reason is worth showing, the generic refusal is not.
  const reason = health ? (health.state === 'failed' || health.state === 'backoff' ? health.error : null) : message;
  return (
    <div className="state-panel playground-not-running" data-testid="server-not-running">
      <h3>{headline(health)}</h3>
      <div className="state-panel-body">
        <p>{busy ? `Its ${what} appear as soon as it is up.` : `Start it to see its ${what}.`}</p>
        {reason && !busy ? <p className="muted">{reason}</p> : null}
        {failure ? (
          <p className="inline-error" role="alert">
            Could not start it: {failure}
          </p>
        ) : null}
      </div>
      <div className="state-panel-action">
        <button type="button" className="btn btn-primary" onClick={() => void start()} disabled={busy} data-testid="start-server">
          <Icon name="play" size={14} />
          {busy ? 'Starting…' : 'Start server'}
        </button>
      </div>
    </div>
  );
}
