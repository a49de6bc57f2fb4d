import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  addArticles,
  editAndRemove,
  undoCorpusChange,
  type CorpusChange,
} from '../corpus/grow-corpus';
import { runIngest, type IngestFigures } from './ingest-step';
import { attempt, skipped, type Outcome } from './outcome';
import {
  compareSnapshots,
  matchColdBuild,
  snapshotFolder,
  type ColdMatch,
  type OutputChange,
  type Snapshot,
} from './output-snapshot';

/** The changes of issue 10's rebuild figures, made to the bench's corpus one after another. */
export const REBUILD_CHANGES = { add: 100, edit: 100, remove: 100 };

export interface RebuildFigures {
  /** What changed in the corpus since the previous ingest, and the articles it then held. */
  corpus: { added: number; edited: number; removed: number; articles: number };
  /** Ingest with the cache the previous run left (a warm rebuild). */
  ingest: IngestFigures;
  /** The output folder before this ingest against after it. */
  change: OutputChange;
}

export interface RebuildSeries {
  /** The same corpus again. */
  unchanged: Outcome<RebuildFigures>;
  /** REBUILD_CHANGES.add new articles. */
  added: Outcome<RebuildFigures>;
  /** REBUILD_CHANGES.edit articles edited and REBUILD_CHANGES.remove others removed. */
  editedRemoved: Outcome<RebuildFigures>;
  /** The last rebuild's folder against a cold build of the same corpus into an empty folder. */
  coldMatch: Outcome<ColdMatch>;
}

export const skippedRebuilds = (because: string): RebuildSeries => ({
  unchanged: skipped(because),
  added: skipped(because),
  editedRemoved: skipped(because),
  coldMatch: skipped(because),
});

export interface RebuildContext {
  size: number;
  seed: number;
  corpusDir: string;
  dataDir: string;
  cacheDir: string;
  /** Scratch for the cold build the last rebuild is compared with. */
  scratchDir: string;
  /** The output folder as the cold ingest left it. */
  coldSnapshot: Snapshot;
  ingestTimeoutMs: number;
  step: <T>(name: string, run: () => Promise<T>) => Promise<Outcome<T>>;
}

/** The corpus's marker (see corpus-step.ts): away while the corpus differs from what it says. */
const markerPath = (corpusDir: string) => `${corpusDir}.json`;

/**
 * measureRebuilds: warm rebuilds after each change of REBUILD_CHANGES, timed and compared with
 * the output before them, then a cold build of the changed corpus to check the last rebuild
 * against. The corpus is changed in place and always put back; its marker is removed meanwhile,
 * so an interrupted run regenerates the corpus next time instead of reusing a changed one.
 */
export async function measureRebuilds(context: RebuildContext): Promise<RebuildSeries> {
  const { size, seed, corpusDir, dataDir, cacheDir, step } = context;
  const series = skippedRebuilds('an earlier rebuild failed');
  const change: CorpusChange = { added: [], edited: [], removed: [] };
  const marker = await readFile(markerPath(corpusDir), 'utf8').catch(() => null);
  await rm(markerPath(corpusDir), { force: true });
  let before = context.coldSnapshot;

  const rebuild = async (
    corpus: RebuildFigures['corpus'],
  ): Promise<{ figures: RebuildFigures; after: Snapshot }> => {
    const ingest = await runIngest(
      corpusDir,
      dataDir,
      cacheDir,
      corpus.articles,
      context.ingestTimeoutMs,
    );
    const after = await snapshotFolder(dataDir);
    return { figures: { corpus, ingest, change: compareSnapshots(before, after) }, after };
  };
  /** Runs one rebuild as a step; the next snapshot to compare with is its output. */
  const measured = async (name: string, run: () => ReturnType<typeof rebuild>) => {
    const outcome = await step(name, run);
    if (!outcome.ok) return outcome;
    before = outcome.value.after;
    return { ok: true as const, value: outcome.value.figures };
  };

  try {
    series.unchanged = await measured('rebuild, nothing changed', () =>
      rebuild({ added: 0, edited: 0, removed: 0, articles: size }),
    );
    if (!series.unchanged.ok) return series;
    series.added = await measured(`rebuild, ${REBUILD_CHANGES.add} added`, async () => {
      change.added = addArticles(corpusDir, seed, size, REBUILD_CHANGES.add);
      return rebuild({
        added: REBUILD_CHANGES.add,
        edited: 0,
        removed: 0,
        articles: size + REBUILD_CHANGES.add,
      });
    });
    if (!series.added.ok) return series;
    series.editedRemoved = await measured(
      `rebuild, ${REBUILD_CHANGES.edit} edited + ${REBUILD_CHANGES.remove} removed`,
      async () => {
        Object.assign(
          change,
          editAndRemove(corpusDir, REBUILD_CHANGES.edit, REBUILD_CHANGES.remove),
        );
        return rebuild({
          added: 0,
          edited: REBUILD_CHANGES.edit,
          removed: REBUILD_CHANGES.remove,
          articles: size + REBUILD_CHANGES.add - REBUILD_CHANGES.remove,
        });
      },
    );
    if (!series.editedRemoved.ok) return series;
    const rebuilt = before;
    series.coldMatch = await step('cold build of the changed corpus, to compare', async () => {
      const coldData = join(context.scratchDir, 'data');
      const coldCache = join(context.scratchDir, 'cache');
      await rm(context.scratchDir, { recursive: true, force: true });
      try {
        await runIngest(corpusDir, coldData, coldCache, size, context.ingestTimeoutMs);
        return matchColdBuild(rebuilt, await snapshotFolder(coldData));
      } finally {
        await rm(context.scratchDir, { recursive: true, force: true });
      }
    });
    return series;
  } finally {
    const restored = await attempt(async () => undoCorpusChange(corpusDir, change));
    if (restored.ok && marker !== null) await writeFile(markerPath(corpusDir), marker);
  }
}
