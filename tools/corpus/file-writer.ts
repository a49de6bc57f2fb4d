import { Worker } from 'node:worker_threads';

/**
 * The writer thread: creates folders and writes files, synchronously and in order. Plain
 * JavaScript evaluated as a script, so it runs the same under tsx, Vitest and compiled code.
 */
const WRITER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { mkdirSync, writeFileSync } = require('node:fs');
parentPort.on('message', (batch) => {
  try {
    for (const dir of batch.dirs) mkdirSync(dir, { recursive: true });
    for (let index = 0; index < batch.paths.length; index += 1) {
      writeFileSync(batch.paths[index], batch.texts[index]);
    }
    parentPort.postMessage({ id: batch.id, error: null });
  } catch (error) {
    parentPort.postMessage({ id: batch.id, error: String((error && error.message) || error) });
  }
});
`;

interface Batch {
  id: number;
  dirs: string[];
  paths: string[];
  texts: string[];
}

/** Files per message to the writer thread. */
const BATCH_FILES = 128;
/** Batches sent but not yet written; bounds memory to a few MB whatever the corpus size. */
const MAX_PENDING_BATCHES = 4;

/**
 * FileWriter: writes files on a second thread while the caller generates the next ones. Many
 * small synchronous writes beat promise-based ones by far (per-file overhead), and a thread of
 * their own keeps disk stalls from stopping generation.
 */
export class FileWriter {
  private readonly worker = new Worker(WRITER_SOURCE, { eval: true });
  private batch: Batch = { id: 0, dirs: [], paths: [], texts: [] };
  private readonly pending = new Set<number>();
  private failure: Error | null = null;
  private drained: (() => void) | null = null;

  constructor() {
    this.worker.on('message', (message: { id: number; error: string | null }) => {
      if (message.error !== null) this.failure ??= new Error(message.error);
      this.pending.delete(message.id);
      this.drained?.();
    });
    this.worker.on('error', (error) => {
      this.failure ??= error;
      this.pending.clear();
      this.drained?.();
    });
  }

  /** Queues a folder to create before the files queued after it. */
  mkdir(absDir: string): void {
    this.batch.dirs.push(absDir);
  }

  /** Queues a file; waits when the writer thread is behind. */
  async write(absPath: string, text: string): Promise<void> {
    this.batch.paths.push(absPath);
    this.batch.texts.push(text);
    if (this.batch.paths.length >= BATCH_FILES) await this.send();
  }

  private async send(): Promise<void> {
    this.throwIfFailed();
    const batch = this.batch;
    this.batch = { id: batch.id + 1, dirs: [], paths: [], texts: [] };
    if (batch.paths.length === 0 && batch.dirs.length === 0) return;
    this.pending.add(batch.id);
    this.worker.postMessage(batch);
    while (this.pending.size >= MAX_PENDING_BATCHES) await this.nextAck();
    this.throwIfFailed();
  }

  private nextAck(): Promise<void> {
    return new Promise((resolve) => {
      this.drained = () => {
        this.drained = null;
        resolve();
      };
    });
  }

  private throwIfFailed(): void {
    if (this.failure !== null) throw this.failure;
  }

  /** Writes everything queued, stops the thread, and throws the first write error, if any. */
  async close(): Promise<void> {
    try {
      await this.send();
      while (this.pending.size > 0) await this.nextAck();
      this.throwIfFailed();
    } finally {
      await this.worker.terminate();
    }
  }
}
