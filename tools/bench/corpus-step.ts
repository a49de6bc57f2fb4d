import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateCorpus, type CorpusStats } from '../corpus/generate-corpus';
import { REPO_ROOT } from './paths';

export interface CorpusFigures {
  dir: string;
  /** True when an earlier run's corpus for the same size, seed and generator was reused. */
  reused: boolean;
  generateMs: number | null;
  stats: CorpusStats;
  /** Two UTC days inside the corpus's dated span (at 40% and 70% of dated articles). */
  rangeDays: { early: string; late: string };
}

interface CorpusMarker {
  count: number;
  seed: number;
  generator: string;
  stats: CorpusStats;
  rangeDays: { early: string; late: string };
}

/** Sources in the generator's folder that do not decide what a corpus holds. */
const NOT_GENERATOR = new Set(['cli.ts', 'grow-corpus.ts']);

/** A hash of the generator's sources, so a changed generator never reuses a stale corpus. */
async function hashGenerator(): Promise<string> {
  const dir = join(REPO_ROOT, 'tools/corpus');
  const names = (await readdir(dir)).filter(
    (name) => /\.ts$/.test(name) && !/\.test\.ts$/.test(name) && !NOT_GENERATOR.has(name),
  );
  const hash = createHash('sha256');
  for (const name of names.sort()) {
    hash
      .update(name)
      .update('\0')
      .update(await readFile(join(dir, name)))
      .update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

async function readMarker(path: string): Promise<CorpusMarker | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as CorpusMarker;
  } catch {
    return null;
  }
}

/**
 * ensureCorpus: the synthetic corpus for this size and seed under workDir, generated unless a
 * marker beside it says an identical one is already there. The marker is written last, so an
 * interrupted generation is never mistaken for a finished one.
 */
export async function ensureCorpus(
  workDir: string,
  count: number,
  seed: number,
): Promise<CorpusFigures> {
  const name = `corpus-${count}-seed-${seed}`;
  const dir = join(workDir, name);
  const markerPath = join(workDir, `${name}.json`);
  const generator = await hashGenerator();
  const marker = await readMarker(markerPath);
  if (marker && marker.count === count && marker.seed === seed && marker.generator === generator) {
    return {
      dir,
      reused: true,
      generateMs: null,
      stats: marker.stats,
      rangeDays: marker.rangeDays,
    };
  }

  const days: string[] = [];
  const started = performance.now();
  const stats = await generateCorpus({
    count,
    seed,
    outDir: dir,
    force: true,
    onArticle: (article) => {
      if (article.date) days.push(article.date.slice(0, 10));
    },
  });
  const generateMs = performance.now() - started;
  days.sort();
  const pick = (q: number) =>
    days[Math.min(days.length - 1, Math.floor(q * days.length))] ?? '2021-01-01';
  const rangeDays = { early: pick(0.4), late: pick(0.7) };
  const fresh: CorpusMarker = { count, seed, generator, stats, rangeDays };
  await writeFile(markerPath, `${JSON.stringify(fresh, null, 2)}\n`);
  return { dir, reused: false, generateMs, stats, rangeDays };
}
