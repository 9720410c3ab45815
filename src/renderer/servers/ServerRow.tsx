import type { ServerSummary } from '../../shared/contract';
import { routeHref } from '../app/route';
import type { ServerActions } from './use-server-actions';
import { describeExit } from '../server-page/describe-exit';
import { formatBytes, formatDuration, formatLatency, formatRelative, liveUptimeMs } from '../ui/format';
import { Icon } from '../ui/Icon';
import { StateBadge } from '../ui/StateBadge';
import { Toggle } from '../ui/Toggle';
import { joinCommandLine } from './command-line';
import { HeldToolsBadge } from '../tool-changes/HeldToolsBadge';
import { NeedsSecretLink } from './NeedsSecretLink';
import { ServerLifecycleButtons } from './ServerLifecycleButtons';

interface ServerRowProps {
  server: ServerSummary;
  actions: ServerActions;
  now: number;
  onEdit: (server: ServerSummary) => void;
  /** Declared secrets that have no value. */
  missingSecrets: readonly string[];
}

/** The line under the name: why it is down when it is, otherwise what it is. */
function statusLine(server: ServerSummary, now: number): { text: string; problem: boolean } {
  const { health } = server;
  if (health.state === 'backoff' && health.nextRestartAt) {
    const why = health.error ?? (health.lastExit ? describeExit(health.lastExit) : 'Exited');
    return { text: `${why} · restarting ${formatRelative(health.nextRestartAt, now)}`, problem: true };
  }
  if ((health.state === 'failed' || health.state === 'degraded') && health.error) return { text: health.error, problem: true };
  if (!server.enabled) return { text: 'Disabled', problem: false };
  return { text: server.description || [server.command, joinCommandLine(server.args)].join(' '), problem: false };
}

export function ServerRow({ server, actions, now, onEdit, missingSecrets }: ServerRowProps) {
  const { health } = server;
  const up = health.state === 'running' || health.state === 'degraded';
  const status = statusLine(server, now);
  const latency = up ? health.pingLatencyMs.last : null;
  return (
    <div className={server.enabled ? 'server-row' : 'server-row server-row-disabled'} role="row" data-testid={`server-row-${server.id}`}>
      <div className="server-cell-name" role="cell">
        <a className="server-name" href={routeHref({ page: 'server', serverId: server.id, tab: 'overview' })}>
          {server.name}
        </a>
        {server.kind === 'custom' ? <span className="tag">custom</span> : null}
        <NeedsSecretLink serverId={server.id} names={missingSecrets} />
        <HeldToolsBadge serverId={server.id} />
        <div className={status.problem ? 'server-subline server-subline-problem' : 'server-subline'} title={status.text}>
          {status.text}
        </div>
      </div>
      <div className="server-cell-state" role="cell">
        <StateBadge state={health.state} testId={`server-state-${server.id}`} title={health.error ?? undefined} />
      </div>
      <div className="numeric server-cell-ping" role="cell" data-label="Ping" title={health.pingLatencyMs.median !== null ? `median ${formatLatency(health.pingLatencyMs.median)}` : undefined}>
        {formatLatency(latency)}
      </div>
      <div className="numeric server-cell-uptime" role="cell" data-label="Uptime">
        {formatDuration(up ? liveUptimeMs(health.startedAt, now) : null)}
      </div>
      <div className="numeric server-cell-restarts" role="cell" data-label="Auto restarts" title="Automatic restarts after a crash or a hang" data-testid={`server-restarts-${server.id}`}>
        {health.restartCount}
      </div>
      <div className="numeric server-cell-memory" role="cell" data-label="Memory">
        {formatBytes(up ? health.rssBytes : null)}
      </div>
      <div className="server-cell-enabled" role="cell" data-label="Enabled">
        <Toggle
          checked={server.enabled}
          onChange={(enabled) => void actions.setEnabled(server, enabled)}
          label={`Enabled: ${server.name}`}
          hideLabel
          disabled={actions.isPending(server.id, 'enabled')}
          testId={`server-enabled-${server.id}`}
          title={server.enabled ? 'Enabled: disable to stop it and keep it stopped' : 'Disabled: enable to start it'}
        />
      </div>
      <div className="server-cell-autostart" role="cell" data-label="Autostart">
        <Toggle
          checked={server.autostart}
          onChange={(autostart) => void actions.setAutostart(server, autostart)}
          label={`Start with MCP Tray: ${server.name}`}
          hideLabel
          disabled={actions.isPending(server.id, 'autostart')}
          testId={`server-autostart-${server.id}`}
          title="Start this server when MCP Tray starts"
        />
      </div>
      <div className="server-cell-actions" role="cell">
        <ServerLifecycleButtons server={server} actions={actions} compact />
        {server.kind === 'custom' ? (
          <>
            <button type="button" className="btn btn-small btn-icon btn-ghost" onClick={() => onEdit(server)} aria-label={`Edit ${server.name}`} title="Edit" data-testid={`server-edit-${server.id}`}>
              <Icon name="edit" size={14} />
            </button>
            <button
              type="button"
              className="btn btn-small btn-icon btn-ghost btn-ghost-danger"
              onClick={() => void actions.remove(server)}
              disabled={actions.isPending(server.id, 'remove')}
              aria-label={`Remove ${server.name}`}
              title="Remove"
              data-testid={`server-remove-${server.id}`}
            >
              <Icon name="trash" size={14} />
            </button>
          </>
        ) : (
          <span className="icon-placeholder" aria-hidden="true" />
        )}
      </div>
    </div>
  );
}
