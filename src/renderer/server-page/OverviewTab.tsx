import type { ServerSummary } from '../../shared/contract';
import { useHealthHistory } from '../servers/servers-context';
import { useSecretStatuses } from '../servers/use-secret-statuses';
import { useNow } from '../hooks/use-now';
import { formatBytes, formatClockTime, formatDuration, formatLatency, formatRelative, liveUptimeMs } from '../ui/format';
import { stateLabel } from '../ui/StateBadge';
import { joinCommandLine } from '../servers/command-line';
import { describeExit } from './describe-exit';
import { LastExitPanel } from './LastExitPanel';
import { MissingSecretsCallout } from './MissingSecretsCallout';
import { LatencySparkline } from './LatencySparkline';
import { StateTimeline } from './StateTimeline';

function Stat({ label, value, title }: { label: string; value: string; title?: string }) {
  return (
    <div className="stat" title={title}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** Is it working, and if not, why: the current numbers, their recent history, and the last exit. */
export function OverviewTab({ server }: { server: ServerSummary }) {
  const now = useNow();
  const history = useHealthHistory(server.id);
  const secrets = useSecretStatuses([server], server.id);
  const missingSecrets = secrets.missing.get(server.id) ?? [];
  const { health } = server;
  const up = health.state === 'running' || health.state === 'degraded';
  const troubled = health.state === 'failed' || health.state === 'backoff';
  // Why it is not healthy: the manager's words, else how the process last ended.
  const problem = health.error ?? (troubled && health.lastExit ? `${describeExit(health.lastExit)}.` : null);
  const commandLine = [server.command, joinCommandLine(server.args)].filter(Boolean).join(' ');

  return (
    <div className="overview">
      <MissingSecretsCallout server={server} missing={missingSecrets} keychainService={secrets.keychainService} />
      {problem ? (
        <div className={`callout callout-${health.state === 'degraded' ? 'warning' : 'danger'}`} role="alert" data-testid="server-error">
          <strong>{stateLabel(health.state)}:</strong> {problem}
          {health.state === 'backoff' && health.nextRestartAt ? <span> Next attempt {formatRelative(health.nextRestartAt, now)}.</span> : null}
        </div>
      ) : null}

      <dl className="stats">
        <Stat label="Uptime" value={formatDuration(up ? liveUptimeMs(health.startedAt, now) : null)} title={health.startedAt ? `Started ${health.startedAt}` : undefined} />
        <Stat label="Ping" value={formatLatency(up ? health.pingLatencyMs.last : null)} />
        <Stat label="Median ping" value={formatLatency(up ? health.pingLatencyMs.median : null)} />
        {/* Not "Restarts": next to "Crashed 5 times" a bare 4 reads like a contradiction; the last crash was not restarted. */}
        <Stat label="Automatic restarts" value={String(health.restartCount)} title="Times MCP Tray started it again after a crash or a hang. A crash it gave up after is not a restart." />
        <Stat label="Memory" value={formatBytes(up ? health.rssBytes : null)} />
        <Stat label="PID" value={health.pid === null ? '—' : String(health.pid)} />
        <Stat label="Missed pings" value={String(health.consecutivePingFailures)} />
        <Stat label="Started" value={up && health.startedAt ? formatClockTime(health.startedAt).slice(0, 8) : '—'} title={health.startedAt ?? undefined} />
      </dl>

      <section className="card" aria-labelledby="health-heading">
        <header className="card-header">
          <h2 id="health-heading">Health since this window opened</h2>
          <span className="muted">
            {history.length} {history.length === 1 ? 'report' : 'reports'}
            {history.length < 3 ? ' · one arrives with every health check' : ''}
          </span>
        </header>
        <LatencySparkline history={history} now={now} />
        <StateTimeline history={history} now={now} />
      </section>

      {troubled && health.lastExit ? <LastExitPanel exit={health.lastExit} now={now} /> : null}

      <section className="card" aria-labelledby="launch-heading">
        <header className="card-header">
          <h2 id="launch-heading">Launch</h2>
          {!troubled && health.lastExit ? (
            <span className="muted">
              last exit {formatRelative(health.lastExit.at, now)}
              {health.lastExit.code !== null ? ` (code ${health.lastExit.code})` : health.lastExit.signal ? ` (${health.lastExit.signal})` : ''}
            </span>
          ) : null}
        </header>
        {server.description && server.description !== commandLine && server.description !== [server.command, ...server.args].join(' ') ? <p className="muted server-description">{server.description}</p> : null}
        <code className="command-line" data-testid="server-command">
          {commandLine}
        </code>
        <dl className="launch-facts">
          <dt>Environment</dt>
          <dd>{Object.keys(server.env).length > 0 ? Object.keys(server.env).join(', ') : 'none'}</dd>
          <dt>Secrets</dt>
          <dd data-testid="launch-secrets">
            {server.secretEnv.length > 0 ? server.secretEnv.map((name) => (secrets.known ? `${name} (${missingSecrets.includes(name) ? 'not set' : 'set'})` : name)).join(', ') : 'none'}
          </dd>
          <dt>Starts with MCP Tray</dt>
          <dd>{server.autostart ? 'yes' : 'no'}</dd>
        </dl>
      </section>
    </div>
  );
}
