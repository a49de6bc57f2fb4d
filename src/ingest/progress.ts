/** The stages of an ingest run that report progress, in the order they run. */
export type IngestPhase = 'read' | 'parse' | 'write';

/** Called as a phase advances: `done` of `total` files; the last call of a phase has done = total. */
export type ProgressListener = (phase: IngestPhase, done: number, total: number) => void;

const LABELS: Record<IngestPhase, string> = {
  read: 'checking',
  parse: 'parsing ',
  write: 'writing ',
};
/** Phases with fewer files than this finish too fast for a progress bar to help. */
export const PROGRESS_MIN_FILES = 500;
/** Redraw at most this often; the end of a phase is always drawn. */
const REDRAW_MS = 100;
/** The rate is measured over this much recent time, so start-up and slow stretches fade out. */
const RATE_WINDOW_MS = 10_000;
const BAR_WIDTH = 30;

function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(whole / 60);
  return `${minutes}:${String(whole % 60).padStart(2, '0')}`;
}

export interface ProgressLine {
  phase: IngestPhase;
  done: number;
  total: number;
  /** Since the phase began. */
  elapsedMs: number;
  /** Files per second lately, or null while there is too little to tell. */
  rate: number | null;
}

/**
 * formatProgress: one redraw of the progress line: the phase, a bar, the count, the recent rate
 * and the time left — or, at the end, the average rate and the time taken.
 */
export function formatProgress({ phase, done, total, elapsedMs, rate }: ProgressLine): string {
  const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}]`;
  const seconds = elapsedMs / 1000;
  let timing: string;
  if (done >= total) {
    const average = seconds > 0 ? Math.round(done / seconds) : done;
    timing = `${average} files/s  in ${formatDuration(seconds)}`;
  } else if (rate !== null && rate > 0) {
    timing = `${Math.round(rate)} files/s  ETA ${formatDuration((total - done) / rate)}`;
  } else {
    timing = '- files/s  ETA -:--';
  }
  // `\r` returns to the start of the line and ESC[K clears what a longer line left behind.
  return `\r${LABELS[phase]} ${bar} ${done}/${total} files  ${timing}\x1b[K${done >= total ? '\n' : ''}`;
}

/**
 * createProgressBar: a ProgressListener that draws on `write` (a terminal), for phases of at
 * least PROGRESS_MIN_FILES files, redrawing at most every 100 ms and always at a phase's end.
 * The rate counts from the first finished file (so worker start-up does not skew it) over the
 * last 10 s, and is shown once it spans half a second.
 */
export function createProgressBar(
  write: (text: string) => void,
  clock: () => number = () => performance.now(),
): ProgressListener {
  let current: IngestPhase | null = null;
  let started = 0;
  let drawn = -Infinity;
  let samples: { time: number; done: number }[] = [];
  return (phase, done, total) => {
    const now = clock();
    if (phase !== current) {
      current = phase;
      started = now;
      drawn = -Infinity;
      samples = [];
    }
    if (total < PROGRESS_MIN_FILES) return;
    if (done < total && now - drawn < REDRAW_MS) return;
    drawn = now;
    if (done > 0) samples.push({ time: now, done });
    while (samples.length > 2 && now - samples[0]!.time > RATE_WINDOW_MS) samples.shift();
    const first = samples[0];
    const span = first ? now - first.time : 0;
    const rate = first && span >= 500 ? ((done - first.done) * 1000) / span : null;
    write(formatProgress({ phase, done, total, elapsedMs: now - started, rate }));
  };
}
