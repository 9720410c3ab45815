import { describe, expect, it } from 'vitest';
import type { Health, ServerState } from '../../shared/contract';
import { appendSample, latencyStats, sampleOf, sparklinePath, stateSegments, type HealthSample } from './health-history';
import { healthOf } from '../../../test/support/health-fixture';

function health(state: ServerState, last: number | null): Health {
  return healthOf('weather', state, { pid: 1, pingLatencyMs: { last, median: last } });
}

const sample = (at: number, state: ServerState, latencyMs: number | null): HealthSample => ({ at, state, latencyMs });

describe('health history', () => {
  it('keeps latency only while the server is up (a stopped server has no current ping)', () => {
    expect(sampleOf(health('running', 12), 5).latencyMs).toBe(12);
    expect(sampleOf(health('stopped', 12), 5).latencyMs).toBeNull();
  });

  it('keeps at most the given number of samples, dropping the oldest', () => {
    let history: HealthSample[] = [];
    for (let index = 0; index < 10; index += 1) history = appendSample(history, sample(index * 5_000, 'running', index), 4);
    expect(history.map((item) => item.latencyMs)).toEqual([6, 7, 8, 9]);
  });

  it('ignores a repeated report within a second, but not a later one', () => {
    let history = appendSample([], sample(0, 'running', 5));
    history = appendSample(history, sample(300, 'running', 5));
    expect(history).toHaveLength(1);
    history = appendSample(history, sample(1_500, 'running', 5));
    expect(history).toHaveLength(2);
  });

  it('merges consecutive states into segments, the last one running until now', () => {
    const history = [sample(0, 'starting', null), sample(1_000, 'running', 3), sample(2_000, 'running', 4), sample(5_000, 'failed', null)];
    expect(stateSegments(history, 9_000)).toEqual([
      { state: 'starting', from: 0, to: 1_000 },
      { state: 'running', from: 1_000, to: 5_000 },
      { state: 'failed', from: 5_000, to: 9_000 },
    ]);
    expect(stateSegments([], 9_000)).toEqual([]);
  });

  it('summarises latency over the samples that have one', () => {
    const history = [sample(0, 'running', 8), sample(1, 'stopped', null), sample(2, 'running', 2), sample(3, 'running', 5)];
    expect(latencyStats(history)).toEqual({ last: 5, min: 2, max: 8, count: 3 });
  });

  it('draws the sparkline scaled to the box, breaking the line where there was no ping', () => {
    const history = [sample(0, 'running', 10), sample(50, 'running', 5), sample(60, 'stopped', null), sample(100, 'running', 0)];
    expect(sparklinePath(history, 100, 24, 100)).toBe('M0.0 2.0 L50.0 12.0 M100.0 22.0');
    expect(sparklinePath([sample(0, 'stopped', null)], 100, 24, 100)).toBe('');
  });
});
