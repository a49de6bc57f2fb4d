import { Worker } from 'node:worker_threads';
import type { ParsedFile, ParseSettings } from './ingest-file';
import type { ParseReply, ParseTask, ParseWorkerData } from './parse-worker';

/**
 * Files per parsing thread below which a worker is not worth starting (each takes one to several
 * seconds to load tsx and its DOM), so fewer than 200 files are parsed in the calling thread.
 */
export const MIN_FILES_PER_THREAD = 100;

const WORKER_ENTRY = new URL('./parse-worker-entry.mjs', import.meta.url);
/** Files handed to each worker ahead of time, so it never waits for the next one. */
const TASKS_PER_WORKER = 2;

export class ParseWorkerError extends Error {
  override readonly name = 'ParseWorkerError';
}

interface Job {
  task: ParseTask;
  resolve: (parsed: ParsedFile) => void;
  reject: (error: Error) => void;
}

/**
 * A fixed set of worker threads, each with its own DOM and sanitizer, that parse files in the
 * order they are given. Results come back per file; the caller places them, so the order in
 * which workers finish never shows in the output.
 */
export class ParsePool {
  private readonly workers: Worker[] = [];
  private readonly inFlight = new Map<Worker, number>();
  private readonly running = new Map<number, Job>();
  private readonly queue: Job[] = [];
  private nextId = 0;
  private failure: Error | null = null;
  private closing = false;

  constructor(size: number, settings: ParseSettings) {
    const workerData: ParseWorkerData = {
      contentRoot: settings.contentRoot,
      config: settings.config,
      nowMs: settings.now.getTime(),
    };
    for (let index = 0; index < size; index += 1) {
      const worker = new Worker(WORKER_ENTRY, { workerData, execArgv: [] });
      worker.on('message', (reply: ParseReply) => this.settle(worker, reply));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (!this.closing) this.fail(new ParseWorkerError(`a parse worker exited (code ${code})`));
      });
      this.inFlight.set(worker, 0);
      this.workers.push(worker);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /** Files handed to the pool and not yet parsed. */
  get backlog(): number {
    return this.running.size + this.queue.length;
  }

  /** parse: the file parsed in a worker. The pool takes over `read.bytes` (its buffer is moved). */
  parse(
    entry: { relPath: string; absPath: string },
    read: { bytes: Uint8Array; size: number },
  ): Promise<ParsedFile> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const task: ParseTask = { id: this.nextId++, ...entry, ...read };
      this.queue.push({ task, resolve, reject });
      this.dispatch();
    });
  }

  /** close: stop every worker; files still queued are rejected. */
  async close(): Promise<void> {
    this.closing = true;
    this.rejectAll(new ParseWorkerError('the parse pool was closed'));
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    for (const worker of this.workers) {
      let count = this.inFlight.get(worker) ?? 0;
      while (count < TASKS_PER_WORKER && this.queue.length > 0) {
        const job = this.queue.shift()!;
        this.running.set(job.task.id, job);
        count += 1;
        const { buffer } = job.task.bytes;
        worker.postMessage(job.task, buffer instanceof ArrayBuffer ? [buffer] : []);
      }
      this.inFlight.set(worker, count);
    }
  }

  private settle(worker: Worker, reply: ParseReply): void {
    this.inFlight.set(worker, (this.inFlight.get(worker) ?? 1) - 1);
    const job = this.running.get(reply.id);
    this.running.delete(reply.id);
    if (job) {
      if ('error' in reply) {
        job.reject(new ParseWorkerError(`${job.task.relPath}: ${reply.error}`));
      } else {
        job.resolve(reply.parsed);
      }
    }
    this.dispatch();
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.rejectAll(error);
    for (const worker of this.workers) void worker.terminate();
  }

  private rejectAll(error: Error): void {
    for (const job of [...this.running.values(), ...this.queue]) job.reject(error);
    this.running.clear();
    this.queue.length = 0;
  }
}
