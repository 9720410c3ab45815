import type { Health, ServerState } from '../../shared/contract';

/** One health report as received, reduced to what the overview draws. */
export interface HealthSample {
  /** Epoch ms when the UI received the report. */
  at: number;
  state: ServerState;
  /** The last ping's round trip; null when there was no successful ping (stopped, failed, missed). */
  latencyMs: number | null;
}

interface StateSegment {
  state: ServerState;
  from: number;
  to: number;
}

/** About an hour at the default 15 s interval; enough to see a trend without growing forever. */
const MAX_HEALTH_SAMPLES = 240;

export function sampleOf(health: Health, at: number): HealthSample {
  const running = health.state === 'running' || health.state === 'degraded';
  return { at, state: health.state, latencyMs: running ? health.pingLatencyMs.last : null };
}

/**
 * Appends a report, dropping the oldest beyond `max`. A report that repeats the previous state and
 * latency within a second is a duplicate (the manager emits health on every transition and ping).
 */
export function appendSample(history: readonly HealthSample[], sample: HealthSample, max = MAX_HEALTH_SAMPLES): HealthSample[] {
  const previous = history[history.length - 1];
  if (previous && previous.state === sample.state && previous.latencyMs === sample.latencyMs && sample.at - previous.at < 1000) {
    return history as HealthSample[];
  }
  const next = history.length >= max ? history.slice(history.length - max + 1) : history.slice();
  next.push(sample);
  return next;
}

/** Consecutive samples of the same state merged into spans; the last span runs until `now`. */
export function stateSegments(history: readonly HealthSample[], now: number): StateSegment[] {
  const segments: StateSegment[] = [];
  for (const sample of history) {
    const last = segments[segments.length - 1];
    if (last && last.state === sample.state) continue;
    if (last) last.to = sample.at;
    segments.push({ state: sample.state, from: sample.at, to: sample.at });
  }
  const last = segments[segments.length - 1];
  if (last) last.to = Math.max(last.to, now);
  return segments;
}

interface LatencyStats {
  last: number | null;
  min: number | null;
  max: number | null;
  count: number;
}

export function latencyStats(history: readonly HealthSample[]): LatencyStats {
  let min: number | null = null;
  let max: number | null = null;
  let last: number | null = null;
  let count = 0;
  for (const sample of history) {
    if (sample.latencyMs === null) continue;
    count += 1;
    last = sample.latencyMs;
    min = min === null ? sample.latencyMs : Math.min(min, sample.latencyMs);
    max = max === null ? sample.latencyMs : Math.max(max, sample.latencyMs);
  }
  return { last, min, max, count };
}

/**
 * An SVG path through the latency samples, x by time and y scaled from 0 to the largest value.
 * Gaps (no latency) break the line so a stopped period is not drawn as a fake slope.
 */
export function sparklinePath(history: readonly HealthSample[], width: number, height: number, now: number): string {
  const points = history.filter((sample) => sample.latencyMs !== null);
  if (points.length === 0) return '';
  const first = history[0]?.at ?? now;
  const span = Math.max(1, now - first);
  const top = Math.max(1, ...points.map((sample) => sample.latencyMs ?? 0));
  const padding = 2;
  const usable = height - padding * 2;
  let path = '';
  let drawing = false;
  for (const sample of history) {
    if (sample.latencyMs === null) {
      drawing = false;
      continue;
    }
    const x = ((sample.at - first) / span) * width;
    const y = padding + usable - (sample.latencyMs / top) * usable;
    path += `${drawing ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)} `;
    drawing = true;
  }
  return path.trim();
}
