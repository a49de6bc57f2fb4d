import { parentPort, workerData } from 'node:worker_threads';
import { createParseContext, parseFile, type ParsedFile } from './ingest-file';
import type { IngestConfig } from './config';

/** What the pool sends a worker when it starts (a Date does not survive as workerData's type). */
export interface ParseWorkerData {
  contentRoot: string;
  config: IngestConfig;
  nowMs: number;
}

export interface ParseTask {
  id: number;
  relPath: string;
  absPath: string;
  bytes: Uint8Array;
  size: number;
}

export type ParseReply = { id: number; parsed: ParsedFile } | { id: number; error: string };

const port = parentPort;
if (port) {
  const data = workerData as ParseWorkerData;
  // Files sent meanwhile wait in the port's queue until the listener below is attached.
  const context = await createParseContext({
    contentRoot: data.contentRoot,
    config: data.config,
    now: new Date(data.nowMs),
  });
  port.on('message', (task: ParseTask) => {
    let reply: ParseReply;
    try {
      const { id, bytes, size, ...entry } = task;
      reply = { id, parsed: parseFile(entry, { bytes, size }, context) };
    } catch (error) {
      reply = { id: task.id, error: (error as Error).stack ?? String(error) };
    }
    port.postMessage(reply);
  });
}
