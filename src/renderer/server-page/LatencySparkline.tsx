import { formatLatency } from '../ui/format';
import { latencyStats, sparklinePath, type HealthSample } from './health-history';

const WIDTH = 600;
const HEIGHT = 48;

/** Ping round trips over the recorded window: a line scaled to its own maximum, with its range. */
export function LatencySparkline({ history, now }: { history: readonly HealthSample[]; now: number }) {
  const stats = latencyStats(history);
  const path = sparklinePath(history, WIDTH, HEIGHT, now);
  const label =
    stats.count === 0 ? 'No pings recorded yet' : `Ping latency over ${stats.count} checks: last ${formatLatency(stats.last)}, min ${formatLatency(stats.min)}, max ${formatLatency(stats.max)}`;
  const first = history[0]?.at ?? now;
  const last = [...history].reverse().find((sample) => sample.latencyMs !== null);
  const lastX = last ? ((last.at - first) / Math.max(1, now - first)) * WIDTH : 0;
  const top = Math.max(1, stats.max ?? 1);
  const lastY = last?.latencyMs != null ? 2 + (HEIGHT - 4) - (last.latencyMs / top) * (HEIGHT - 4) : 0;

  return (
    <div className="sparkline" data-testid="health-sparkline">
      <div className="sparkline-scale" aria-hidden="true">
        <span>{formatLatency(stats.max)}</span>
        <span>0</span>
      </div>
      {stats.count === 0 ? (
        <div className="sparkline-chart sparkline-empty" role="img" aria-label={label}>
          No successful pings yet
        </div>
      ) : (
      <svg className="sparkline-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={label}>
        <line className="sparkline-baseline" x1="0" x2={WIDTH} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} vectorEffect="non-scaling-stroke" />
        {path ? <path className="sparkline-line" d={path} vectorEffect="non-scaling-stroke" /> : null}

        {last ? <line className="sparkline-marker" x1={lastX} x2={lastX} y1={lastY} y2={lastY} vectorEffect="non-scaling-stroke" /> : null}
      </svg>
      )}
      <div className="sparkline-stats">
        <span>
          last <strong>{formatLatency(stats.last)}</strong>
        </span>
        <span>min {formatLatency(stats.min)}</span>
        <span>max {formatLatency(stats.max)}</span>
      </div>
    </div>
  );
}
