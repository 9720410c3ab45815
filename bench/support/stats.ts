/** Small statistics for benchmarks: medians and percentiles, never a single sample. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

export function verdict(value: number, budget: number): string {
  return value <= budget ? 'within budget' : 'OVER BUDGET';
}

export const fmt = (value: number, digits = 2): string => value.toFixed(digits);
