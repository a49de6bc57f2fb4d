import type { RequestRecord } from './request-record';
import { median } from './stats';

/** What a request fetched, as far as a search's cost goes. */
export type RequestKind = 'js' | 'index' | 'rows' | 'bodies' | 'data' | 'other';

/**
 * classifyRequest: by path — scripts, the search index, row chunks (the results' titles and
 * excerpts), article bodies (for snippets), other data, the rest.
 */
export function classifyRequest(url: string): RequestKind {
  const { pathname } = new URL(url);
  if (/\.m?js$/.test(pathname)) return 'js';
  if (pathname.includes('/search/')) return 'index';
  if (/\/rows\/\d+\.json$/.test(pathname)) return 'rows';
  if (pathname.includes('/articles/')) return 'bodies';
  if (pathname.startsWith('/data/')) return 'data';
  return 'other';
}

export interface RequestTotals {
  files: number;
  /** Resource Timing `transferSize`: headers and body as sent, so gzipped where it was. */
  transferBytes: number;
  /** The bodies once decoded: what the same files would weigh uncompressed. */
  decodedBytes: number;
}

export type BytesByKind = Record<RequestKind, RequestTotals>;

const KINDS: readonly RequestKind[] = ['js', 'index', 'rows', 'bodies', 'data', 'other'];

export function totalsByKind(records: readonly RequestRecord[]): BytesByKind {
  const totals = Object.fromEntries(
    KINDS.map((kind) => [kind, { files: 0, transferBytes: 0, decodedBytes: 0 }]),
  ) as BytesByKind;
  for (const record of records) {
    const total = totals[classifyRequest(record.url)];
    total.files += 1;
    total.transferBytes += record.transferBytes;
    total.decodedBytes += record.decodedBytes;
  }
  return totals;
}

/** The bytes a search costs before its results show: everything but article bodies. */
export const searchTransferBytes = (bytes: BytesByKind) =>
  bytes.js.transferBytes +
  bytes.index.transferBytes +
  bytes.rows.transferBytes +
  bytes.data.transferBytes;

/** The same, decoded. */
export const searchDecodedBytes = (bytes: BytesByKind) =>
  bytes.js.decodedBytes +
  bytes.index.decodedBytes +
  bytes.rows.decodedBytes +
  bytes.data.decodedBytes;

/** One run of one query: the requests are those that started after Enter (or navigation). */
export interface QueryRun {
  resultsMs: number;
  count: number;
  /** Started after Enter, ms since then. */
  requests: RequestRecord[];
  rowsShown: number;
  snippetsShown: number;
}

export interface QueryFigures {
  query: string;
  kind: string;
  /** How many results the status line reported. */
  resultCount: number;
  /** Enter → results status painted, per measured run, and their median. */
  samplesMs: number[];
  medianMs: number;
  /** Requests started between Enter and the results, by kind (first measured run). */
  toResults: BytesByKind;
  /**
   * Requests started after the results showed, until the data requests were quiet: the row
   * chunks and snippets' bodies of the rows on screen.
   */
  afterResults: BytesByKind;
  /**
   * Article bodies fetched for the snippets of the rows on screen, started after Enter (they
   * start once the results show), and when the last one had arrived, in ms since Enter.
   */
  bodies: RequestTotals & { lastEndMs: number | null };
  /**
   * When the last row chunk the results needed had arrived, in ms since Enter: the status line
   * shows before the rows' titles do, which wait for their chunks. Null when none was fetched.
   */
  rowsArrivedMs: number | null;
  rowsShown: number;
  snippetsShown: number;
  /** Every request of the first measured run, for seeing what the bytes were. */
  requests: RequestRecord[];
}

/**
 * summarizeQuery: one query's figures from its runs (at least one). Bytes come from the first
 * run: every run starts from a fresh context and types the same queries in the same order, so
 * each fetches the same files.
 */
export function summarizeQuery(
  query: { text: string; kind: string },
  runs: readonly QueryRun[],
): QueryFigures {
  const first = runs[0];
  if (!first) throw new Error(`no run of ${JSON.stringify(query.text)}`);
  const toResults = first.requests.filter((record) => record.startMs <= first.resultsMs);
  const afterResults = first.requests.filter((record) => record.startMs > first.resultsMs);
  const bodies = first.requests.filter((record) => classifyRequest(record.url) === 'bodies');
  const bodyTotals = totalsByKind(bodies).bodies;
  const rowChunks = first.requests.filter((record) => classifyRequest(record.url) === 'rows');
  const samplesMs = runs.map((run) => run.resultsMs);
  return {
    query: query.text,
    kind: query.kind,
    resultCount: first.count,
    samplesMs,
    medianMs: median(samplesMs),
    toResults: totalsByKind(toResults),
    afterResults: totalsByKind(afterResults),
    bodies: {
      ...bodyTotals,
      lastEndMs: bodies.length === 0 ? null : Math.max(...bodies.map((record) => record.endMs)),
    },
    rowsArrivedMs:
      rowChunks.length === 0 ? null : Math.max(...rowChunks.map((record) => record.endMs)),
    rowsShown: first.rowsShown,
    snippetsShown: first.snippetsShown,
    requests: first.requests,
  };
}

export interface SearchSessionFigures {
  /** In the order typed into one page: the first pays for the search code. */
  queries: QueryFigures[];
  /** Measured runs (each a fresh context typing every query), after one unmeasured warm-up. */
  runs: number;
}

/** The queries after the first, in the same page: medians and maxima of their figures. */
export function summarizeLaterQueries(session: SearchSessionFigures): {
  medianMs: number;
  maxMs: number;
  medianBytes: number;
  maxBytes: number;
  medianIndexBytes: number;
  maxIndexBytes: number;
} | null {
  const later = session.queries.slice(1);
  if (later.length === 0) return null;
  const times = later.map((query) => query.medianMs);
  const bytes = later.map((query) => searchTransferBytes(query.toResults));
  const indexBytes = later.map((query) => query.toResults.index.transferBytes);
  return {
    medianMs: median(times),
    maxMs: Math.max(...times),
    medianBytes: median(bytes),
    maxBytes: Math.max(...bytes),
    medianIndexBytes: median(indexBytes),
    maxIndexBytes: Math.max(...indexBytes),
  };
}

export interface SharedLinkFigures {
  query: string;
  resultCount: number;
  /** Navigation start → results status painted, per measured load, and their median. */
  samplesMs: number[];
  medianMs: number;
  /** Every request started before the results, by kind (first measured load). */
  beforeResults: BytesByKind;
  /** Of those, the search's own: the search code's chunk and the index files. */
  searchPart: { jsBytes: number; indexBytes: number; indexFiles: number };
  requests: RequestRecord[];
}

/** The search code's lazily loaded chunk (see src/reader/articles/search-runtime.ts). */
export const isSearchRuntimeChunk = (url: string) =>
  /\/search-runtime-[^/]*\.js$/.test(new URL(url).pathname);

export function summarizeSharedLink(
  query: string,
  loads: readonly { resultsMs: number; count: number; requests: RequestRecord[] }[],
): SharedLinkFigures {
  const first = loads[0];
  if (!first) throw new Error('no shared-link load');
  const beforeResults = first.requests.filter((record) => record.startMs <= first.resultsMs);
  const byKind = totalsByKind(beforeResults);
  const searchChunk = beforeResults.filter((record) => isSearchRuntimeChunk(record.url));
  const samplesMs = loads.map((load) => load.resultsMs);
  return {
    query,
    resultCount: first.count,
    samplesMs,
    medianMs: median(samplesMs),
    beforeResults: byKind,
    searchPart: {
      jsBytes: searchChunk.reduce((total, record) => total + record.transferBytes, 0),
      indexBytes: byKind.index.transferBytes,
      indexFiles: byKind.index.files,
    },
    requests: first.requests,
  };
}
