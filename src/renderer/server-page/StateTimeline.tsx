import { formatClockTime, formatDuration } from '../ui/format';
import { stateLabel } from '../ui/StateBadge';
import { stateSegments, type HealthSample } from './health-history';

/** The server's states over the recorded window as one bar, coloured by state, with times on hover. */
export function StateTimeline({ history, now }: { history: readonly HealthSample[]; now: number }) {
  const segments = stateSegments(history, now);
  const first = segments[0]?.from ?? now;
  const span = Math.max(1, now - first);
  const summary = segments.map((segment) => `${stateLabel(segment.state)} for ${formatDuration(segment.to - segment.from)}`).join(', then ');
  return (
    <div className="state-timeline-wrap">
      <div className="state-timeline" role="img" aria-label={summary || 'No states recorded yet'} data-testid="state-timeline">
        {segments.map((segment) => (
          <span
            key={segment.from}
            className={`state-timeline-segment state-bg-${segment.state}`}
            style={{ flexGrow: Math.max(segment.to - segment.from, span / 400) }}
            title={`${stateLabel(segment.state)} · ${formatClockTime(new Date(segment.from).toISOString())} – ${formatClockTime(new Date(segment.to).toISOString())} (${formatDuration(segment.to - segment.from)})`}
          />
        ))}
      </div>
      <div className="state-timeline-axis" aria-hidden="true">
        <span>{segments.length > 0 ? formatClockTime(new Date(first).toISOString()).slice(0, 8) : ''}</span>
        <span>now</span>
      </div>
    </div>
  );
}
