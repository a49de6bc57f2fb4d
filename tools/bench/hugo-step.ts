import { execFileSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { cp, mkdir, rm } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { listCorpusFiles } from '../corpus/grow-corpus';
import { FileWriter } from '../corpus/file-writer';
import { convertArticle, hugoContentPath, hugoFileText } from './hugo-content';
import { walkFiles } from './output-snapshot';
import { runTimed } from './timed-process';

/** The bench's Hugo theme and config, committed beside this file. */
export const HUGO_SITE_DIR = join(import.meta.dirname, 'hugo-site');

export interface HugoFigures {
  version: string;
  /** Converting the corpus into Hugo content (not part of Hugo's time). */
  convertMs: number;
  /** `hugo --minify` from an empty public/, resources/ and cache: spawn to exit. */
  wallMs: number;
  articlesPerSecond: number;
  peakRssBytes: number | null;
  /** User + system CPU time (GNU time), or null without it. */
  cpuMs: number | null;
  /** Pages Hugo says it built (its `Pages` line), or null if it did not say. */
  pages: number | null;
  output: { files: number; bytes: number };
}

/** findOnPath: the absolute path of a command on the PATH, or null. */
export function findOnPath(command: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here, or not executable.
    }
  }
  return null;
}

/**
 * prepareHugoSite: every article file of the corpus as a Hugo post under `<siteDir>/content/`,
 * beside a copy of the bench's theme. Returns how many posts were written.
 */
export async function prepareHugoSite(corpusDir: string, siteDir: string): Promise<number> {
  await rm(siteDir, { recursive: true, force: true });
  await cp(HUGO_SITE_DIR, siteDir, { recursive: true });
  const writer = new FileWriter();
  const folders = new Set<string>();
  const files = listCorpusFiles(corpusDir);
  try {
    for (const [position, relPath] of files.entries()) {
      const text = readFileSync(join(corpusDir, ...relPath.split('/')), 'utf8');
      const path = join(siteDir, 'content', ...hugoContentPath(position).split('/'));
      const folder = join(path, '..');
      if (!folders.has(folder)) {
        writer.mkdir(folder);
        folders.add(folder);
      }
      await writer.write(path, hugoFileText(convertArticle(relPath, text)));
    }
  } catch (error) {
    await writer.close().catch(() => undefined);
    throw error;
  }
  await writer.close();
  return files.length;
}

/** From Hugo's build summary, e.g. `Pages            | 10234`. */
export function readHugoPages(stdout: string): number | null {
  const match = /^\s*Pages\s*\|\s*(\d+)/m.exec(stdout);
  return match ? Number(match[1]) : null;
}

/**
 * runHugo: converts the corpus (untimed), then times a cold `hugo --minify`: public/, resources/
 * and Hugo's cache are removed first, so nothing from an earlier build is reused.
 */
export async function runHugo(
  hugo: string,
  corpusDir: string,
  siteDir: string,
  articleCount: number,
  timeoutMs: number,
): Promise<HugoFigures> {
  const version = execFileSync(hugo, ['version'], { encoding: 'utf8' }).trim();
  const convertStarted = performance.now();
  await prepareHugoSite(corpusDir, siteDir);
  const convertMs = performance.now() - convertStarted;
  const publicDir = join(siteDir, 'public');
  const cacheDir = join(siteDir, 'cache');
  for (const dir of [publicDir, join(siteDir, 'resources'), cacheDir]) {
    await rm(dir, { recursive: true, force: true });
  }
  await mkdir(cacheDir);
  const run = await runTimed({
    name: 'hugo',
    command: hugo,
    args: ['--minify', '--source', siteDir, '--destination', publicDir, '--cacheDir', cacheDir],
    cwd: siteDir,
    timeoutMs,
  });
  const output = await walkFiles(publicDir);
  return {
    version,
    convertMs,
    wallMs: run.wallMs,
    articlesPerSecond: articleCount / (run.wallMs / 1000),
    peakRssBytes: run.peakRssKb === null ? null : run.peakRssKb * 1024,
    cpuMs: run.cpuMs,
    pages: readHugoPages(run.stdout),
    output,
  };
}
