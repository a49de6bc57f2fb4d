import { describe, expect, it } from 'vitest';
import type { RequestRecord } from './request-record';
import { readIngestTotal, readSearchIndexLine } from './ingest-step';
import {
  classifyRequest,
  searchTransferBytes,
  summarizeLaterQueries,
  summarizeQuery,
  summarizeSharedLink,
} from './search-figures';

const ORIGIN = 'http://127.0.0.1:4000';

function record(path: string, startMs: number, transferBytes: number): RequestRecord {
  return {
    url: `${ORIGIN}${path}`,
    startMs,
    endMs: startMs + 10,
    transferBytes,
    encodedBytes: transferBytes - 300,
    decodedBytes: transferBytes * 3,
  };
}

describe('ingest --stats lines', () => {
  const stderr = [
    'ingest: 2000 article files: 2000 parsed (in this thread and 1 worker thread), 0 from the cache (/tmp/c)',
    'ingest: read and parse 20.1 s, write 3.4 s, total 23.5 s: 85 files/s',
    'ingest: search index 1.9 s (part of write): 123,456 keys in 789 files, 12.3 MB',
    'ingest: peak memory (RSS) 800 MB',
  ].join('\n');

  it('reads the search index line', () => {
    expect(readSearchIndexLine(stderr)).toEqual({
      ms: 1900,
      keys: 123_456,
      files: 789,
      mebibytes: 12.3,
    });
  });

  it('reads the total', () => {
    expect(readIngestTotal(stderr)).toBe(23_500);
  });

  it('is null when ingest does not say', () => {
    expect(readSearchIndexLine('ingest: peak memory (RSS) 800 MB')).toBeNull();
    expect(readIngestTotal('')).toBeNull();
  });
});

describe('classifyRequest', () => {
  it('tells scripts, index files, bodies and other data apart', () => {
    expect(classifyRequest(`${ORIGIN}/assets/search-runtime-Ab1.js`)).toBe('js');
    expect(classifyRequest(`${ORIGIN}/data/build-abc/search/12.json`)).toBe('index');
    expect(classifyRequest(`${ORIGIN}/data/build-abc/search/12-0.json`)).toBe('index');
    expect(classifyRequest(`${ORIGIN}/data/articles/a1.ff.json`)).toBe('bodies');
    expect(classifyRequest(`${ORIGIN}/data/build-abc/rows/3.json`)).toBe('rows');
    expect(classifyRequest(`${ORIGIN}/data/build-abc/columns.json`)).toBe('data');
    expect(classifyRequest(`${ORIGIN}/favicon.svg`)).toBe('other');
  });
});

describe('summarizeQuery', () => {
  const runs = [
    {
      resultsMs: 120,
      count: 42,
      requests: [
        record('/assets/search-runtime-x.js', 1, 40_000),
        record('/data/build-a/search/1.json', 60, 3_000),
        record('/data/build-a/search/1-0.json', 80, 5_000),
        record('/data/build-a/rows/7.json', 100, 2_000),
        record('/data/articles/a.1.json', 130, 4_000),
        record('/data/articles/b.2.json', 131, 6_000),
      ],
      rowsShown: 10,
      snippetsShown: 9,
    },
    { resultsMs: 80, count: 42, requests: [], rowsShown: 10, snippetsShown: 9 },
    { resultsMs: 100, count: 42, requests: [], rowsShown: 10, snippetsShown: 9 },
  ];

  it('splits the first run’s bytes: before the results, and the bodies after them', () => {
    const figures = summarizeQuery({ text: '央行', kind: 'word' }, runs);
    expect(figures.resultCount).toBe(42);
    expect(figures.medianMs).toBe(100);
    expect(figures.samplesMs).toEqual([120, 80, 100]);
    expect(figures.toResults.js).toEqual({
      files: 1,
      transferBytes: 40_000,
      decodedBytes: 120_000,
    });
    expect(figures.toResults.index.files).toBe(2);
    expect(figures.toResults.index.transferBytes).toBe(8_000);
    expect(figures.toResults.rows.transferBytes).toBe(2_000);
    expect(figures.rowsArrivedMs).toBe(110);
    expect(figures.toResults.bodies.files).toBe(0);
    expect(figures.afterResults.bodies.files).toBe(2);
    expect(searchTransferBytes(figures.toResults)).toBe(50_000);
    expect(figures.bodies).toEqual({
      files: 2,
      transferBytes: 10_000,
      decodedBytes: 30_000,
      lastEndMs: 141,
    });
  });

  it('gives medians and maxima of the queries after the first', () => {
    const session = {
      runs: 3,
      queries: [
        summarizeQuery({ text: 'a', kind: '' }, runs),
        summarizeQuery({ text: 'b', kind: '' }, [{ ...runs[1]!, resultsMs: 30 }]),
        summarizeQuery({ text: 'c', kind: '' }, [
          {
            ...runs[1]!,
            resultsMs: 50,
            requests: [record('/data/build-a/search/2.json', 5, 9_000)],
          },
        ]),
      ],
    };
    expect(summarizeLaterQueries(session)).toEqual({
      medianMs: 30,
      maxMs: 50,
      medianBytes: 0,
      maxBytes: 9_000,
      medianIndexBytes: 0,
      maxIndexBytes: 9_000,
    });
    expect(summarizeLaterQueries({ runs: 1, queries: session.queries.slice(0, 1) })).toBeNull();
  });
});

describe('summarizeSharedLink', () => {
  it('counts what started before the results, and the search code and index apart', () => {
    const figures = summarizeSharedLink('停火协议', [
      {
        resultsMs: 900,
        count: 7,
        requests: [
          record('/', 0, 1_000),
          record('/assets/index-a.js', 20, 60_000),
          record('/assets/search-runtime-b.js', 300, 40_000),
          record('/data/manifest.json', 400, 1_000),
          record('/data/build-a/search/3.json', 700, 3_000),
          record('/data/articles/a.1.json', 950, 4_000),
        ],
      },
    ]);
    expect(figures.medianMs).toBe(900);
    expect(figures.searchPart).toEqual({ jsBytes: 40_000, indexBytes: 3_000, indexFiles: 1 });
    expect(figures.beforeResults.bodies.files).toBe(0);
    expect(figures.beforeResults.js.transferBytes).toBe(100_000);
  });
});
