import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './paths';
import { GNU_TIME, runTimed } from './timed-process';

export interface IngestFigures {
  wallMs: number;
  articlesPerSecond: number;
  /** Peak resident set of the ingest process (the largest process, if it spawns others). */
  peakRssBytes: number;
  /** User + system CPU time (GNU time), or null without it. */
  cpuMs: number | null;
  /** How the peak was read: GNU time's %M, or the process's own resourceUsage(). */
  peakRssProbe: 'gnu-time' | 'preload';
  /** Article files ingest took from its parse cache, as its `--stats` line says; null if unsaid. */
  filesFromCache: number | null;
  /** Ingest's own total (its `--stats` line), from its start to the output written; null if unsaid. */
  ingestTotalMs: number | null;
  /** What building the search index took and made (its `--stats` line); null if unsaid. */
  searchIndex: SearchIndexLine | null;
}

/** Ingest's `--stats` line about the search index. */
export interface SearchIndexLine {
  /** Building the index: part of ingest's write phase. */
  ms: number;
  keys: number;
  files: number;
  /** As ingest prints it: bytes / 1024², which it labels MB. */
  mebibytes: number;
}

/** From ingest's `--stats` line, e.g. `2000 article files: 0 parsed (…), 2000 from the cache`. */
function readFilesFromCache(stderr: string): number | null {
  const match = /([\d,]+) from the cache/.exec(stderr);
  return match ? Number(match[1]!.replaceAll(',', '')) : null;
}

const count = (text: string) => Number(text.replaceAll(',', ''));

/**
 * readSearchIndexLine: ingest's `--stats` line about the index, e.g.
 * `ingest: search index 12.3 s (part of write): 1234 keys in 56 files, 7.8 MB`.
 */
export function readSearchIndexLine(stderr: string): SearchIndexLine | null {
  const match =
    /search index ([\d.]+) s \(part of write\): ([\d,]+) keys in ([\d,]+) files, ([\d.]+) MB/.exec(
      stderr,
    );
  if (!match) return null;
  return {
    ms: Number(match[1]) * 1000,
    keys: count(match[2]!),
    files: count(match[3]!),
    mebibytes: Number(match[4]),
  };
}

/** readIngestTotal: from `ingest: read and parse 1.0 s, write 2.0 s, total 3.0 s: …`. */
export function readIngestTotal(stderr: string): number | null {
  const match = /read and parse [\d.]+ s, write [\d.]+ s, total ([\d.]+) s/.exec(stderr);
  return match ? Number(match[1]) * 1000 : null;
}

/**
 * runIngest: ingest's own CLI in a child process, timed from spawn to exit (Node and tsx start-up
 * included, as `npm run ingest` pays them too), under GNU time for the peak memory when present,
 * else with a preload that writes the process's own peak on exit.
 */
export async function runIngest(
  contentDir: string,
  outDir: string,
  /** Ingest's parse cache: empty for a cold run, as left by an earlier run for a warm one. */
  cacheDir: string,
  articleCount: number,
  timeoutMs: number,
): Promise<IngestFigures> {
  const rssFile = join(tmpdir(), `chronicle-bench-rss-${process.pid}-${Date.now()}.txt`);
  const probe = existsSync(GNU_TIME) ? 'gnu-time' : 'preload';
  const preload =
    probe === 'preload'
      ? ['--import', pathToFileURL(join(import.meta.dirname, 'report-max-rss.ts')).href]
      : [];
  try {
    const run = await runTimed({
      name: 'ingest',
      command: process.execPath,
      args: [
        ...['--import', 'tsx', ...preload, 'src/ingest/cli.ts'],
        ...['--content', contentDir, '--out', outDir, '--cache', cacheDir, '--quiet', '--stats'],
      ],
      cwd: REPO_ROOT,
      env: { ...process.env, CHRONICLE_BENCH_MAX_RSS_FILE: rssFile },
      timeoutMs,
    });
    const peakKb =
      run.peakRssKb ??
      (JSON.parse(await readFile(rssFile, 'utf8')) as { maxRssKb: number }).maxRssKb;
    return {
      wallMs: run.wallMs,
      articlesPerSecond: articleCount / (run.wallMs / 1000),
      peakRssBytes: peakKb * 1024,
      cpuMs: run.cpuMs,
      peakRssProbe: probe,
      filesFromCache: readFilesFromCache(run.stderr),
      ingestTotalMs: readIngestTotal(run.stderr),
      searchIndex: readSearchIndexLine(run.stderr),
    };
  } finally {
    await rm(rssFile, { force: true });
  }
}
