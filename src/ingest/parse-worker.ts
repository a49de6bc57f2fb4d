import type { IngestConfig } from './config';
import { cacheKey } from './ingest-cache';
import {
  createParseContext,
  parseFile,
  readCapped,
  type ParsedFile,
  type ParseSettings,
} from './ingest-file';
import type { NormalizeContext } from './normalize-article';

/** What a batch is parsed under (a Date does not cross to a worker as a Date). */
export interface BatchSettings {
  /** Names the run: a context (whose media lookups are remembered) serves one run only. */
  run: string;
  contentRoot: string;
  config: IngestConfig;
  nowMs: number;
  /** The cache's salt, to hash each file's bytes into its cache key; null without a cache. */
  salt: string | null;
}

export interface ParseJob {
  relPath: string;
  absPath: string;
  /** The key the cache holds for this path: when the bytes still give it, they are not parsed. */
  knownKey?: string;
}

export interface ParseBatch {
  settings: BatchSettings;
  jobs: ParseJob[];
}

/** Per job, in order: the key of the bytes read (null without a cache) and what they gave. */
export type ParseOutput =
  { key: string | null; parsed: ParsedFile } | { key: string; unchanged: true };

function unreadable(error: unknown): ParsedFile {
  return {
    outcome: { status: 'rejected', reason: `could not be read: ${(error as Error).message}` },
    duplicateKey: null,
    imageLookups: [],
  };
}

/** One parse context per thread and run: building a DOM and sanitizer is not per file. */
let contextOf: { run: string; context: Promise<NormalizeContext> } | null = null;

function contextFor(settings: BatchSettings): Promise<NormalizeContext> {
  if (contextOf?.run !== settings.run) {
    const parseSettings: ParseSettings = {
      contentRoot: settings.contentRoot,
      config: settings.config,
      now: new Date(settings.nowMs),
    };
    contextOf = { run: settings.run, context: createParseContext(parseSettings) };
  }
  return contextOf.context;
}

/**
 * parseBatch: read, hash and parse each file of the batch, in a worker thread or in the calling
 * one. A file that cannot be read becomes a rejection in the report; a file the parser throws on
 * fails the batch, naming the file (parseFile never throws for any content, so that is a bug).
 */
export async function parseBatch({ settings, jobs }: ParseBatch): Promise<ParseOutput[]> {
  const context = await contextFor(settings);
  const outputs: ParseOutput[] = [];
  for (const { relPath, absPath, knownKey } of jobs) {
    outputs.push(parseJob(relPath, absPath, knownKey, settings.salt, context));
    // Back to the event loop after every file: memory jsdom holds through weak references is
    // only released at the end of a task (10,000 files in one task peaked at 3.2 GB).
    await new Promise((resolve) => setImmediate(resolve));
  }
  return outputs;
}

function parseJob(
  relPath: string,
  absPath: string,
  knownKey: string | undefined,
  salt: string | null,
  context: NormalizeContext,
): ParseOutput {
  let read;
  try {
    read = readCapped(absPath);
  } catch (error) {
    return { key: null, parsed: unreadable(error) };
  }
  const key = salt === null ? null : cacheKey(salt, relPath, read);
  if (key !== null && key === knownKey) return { key, unchanged: true };
  try {
    return { key, parsed: parseFile({ relPath, absPath }, read, context) };
  } catch (error) {
    throw new Error(`${relPath}: ${(error as Error).stack ?? String(error)}`);
  }
}
