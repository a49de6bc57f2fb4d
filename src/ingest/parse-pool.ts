import { Piscina } from 'piscina';
import type { ParseBatch, ParseOutput } from './parse-worker';

/**
 * Files per parsing thread below which a worker is not worth starting (each takes one to several
 * seconds to load tsx and its DOM), so fewer than 200 files are parsed in the calling thread.
 */
export const MIN_FILES_PER_THREAD = 100;

const WORKER_ENTRY = new URL('./parse-worker-entry.mjs', import.meta.url);

/**
 * A fixed set of worker threads (piscina), each with its own DOM and sanitizer, that parse
 * batches of files in the order they are given. Results come back per batch; the caller places
 * them, so the order in which workers finish never shows in the output.
 */
export class ParsePool {
  private readonly pool: Piscina<ParseBatch, ParseOutput[]>;

  constructor(readonly size: number) {
    this.pool = new Piscina({
      filename: WORKER_ENTRY.href,
      minThreads: size,
      maxThreads: size,
      // The workers live as long as the run; the pool is closed when the last batch is in.
      idleTimeout: Number.POSITIVE_INFINITY,
      execArgv: [],
      // Between batches a worker goes back to its event loop instead of blocking on Atomics.wait:
      // memory jsdom holds through weak references is released only at the end of a task, and a
      // worker that never ends one grew to 1.5 GB over 10,000 files.
      atomics: 'disabled',
    });
  }

  /** parse: the outputs of a batch, in the order of its jobs. */
  parse(batch: ParseBatch): Promise<ParseOutput[]> {
    return this.pool.run(batch);
  }

  /** close: stop every worker; batches still queued are rejected. */
  close(): Promise<void> {
    return this.pool.destroy();
  }
}
