/** Nearest-rank quantile of unsorted samples; q in [0, 1]. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

export const median = (samples: readonly number[]) => quantile(samples, 0.5);

/** What a timed series produced: every sample, in run order, and its median and p95. */
export interface Series {
  samplesMs: number[];
  medianMs: number;
  p95Ms: number;
}

export function summarizeSeries(samplesMs: number[]): Series {
  return { samplesMs, medianMs: median(samplesMs), p95Ms: quantile(samplesMs, 0.95) };
}
