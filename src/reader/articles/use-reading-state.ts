import {
  keepPreviousData,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import type { Manifest } from '../../manifest/schema';
import { idShardOf } from '../../manifest/data-paths';
import { chunkOf, documentOfRow, rowOfDocument } from '../../manifest/numbering';
import { articleQueries } from './queries';
import {
  mergeReadingState,
  READ_FLAG,
  STARRED_FLAG,
  withRead,
  withStar,
  type ArticleReadingState,
} from './reading-state';
import {
  createReadingStore,
  indexedDbStorage,
  memoryStorage,
  type ReadingStateStorage,
} from './reading-store';

function browserStorage(): ReadingStateStorage {
  try {
    return indexedDbStorage(indexedDB);
  } catch {
    // No IndexedDB (a locked-down profile): remember for this visit only.
    return memoryStorage();
  }
}

const store = createReadingStore(browserStorage());
/** Counts the store's changes, to key what is derived from it. */
let version = 0;
store.subscribe(() => (version += 1));
const getVersion = () => version;

/** The first screen is prerendered as for a new reader: nothing read or starred yet. */
const NO_STATES: ReturnType<typeof store.states> = new Map();
const noStates = () => NO_STATES;

/** useReadingStates: the reader's read and starred records, re-rendering on every change. */
export function useReadingStates() {
  return useSyncExternalStore(store.subscribe, store.states, noStates);
}

/** useArticleReadingState: whether one article is read and starred. */
export function useArticleReadingState(id: string) {
  const record = useReadingStates().get(id);
  return { read: record?.read != null, starred: record?.starred != null };
}

/** readingStateOf: whether one article is read and starred now, outside rendering. */
export function readingStateOf(id: string) {
  const record = store.states().get(id);
  return { read: record?.read != null, starred: record?.starred != null };
}

export function setArticleRead(id: string, read: boolean) {
  const current = store.states().get(id);
  if ((current?.read != null) === read) return;
  store.apply([withRead(current, id, read, Date.now())]);
}

export function setArticleStarred(id: string, starred: boolean) {
  store.apply([withStar(store.states().get(id), id, starred, Date.now())]);
}

/** setArticlesRead: marks many articles at once; returns their records before, for an undo. */
export function setArticlesRead(ids: readonly string[], read: boolean): ArticleReadingState[] {
  const states = store.states();
  const now = Date.now();
  const before = ids.map((id) => states.get(id) ?? { id, read: null, starred: null });
  store.apply(
    before
      .filter((record) => (record.read !== null) !== read)
      .map((record) => withRead(record, record.id, read, now)),
  );
  return before;
}

/** restoreReadingStates: puts records back as they were (the undo of setArticlesRead). */
export function restoreReadingStates(records: readonly ArticleReadingState[]) {
  store.apply(records);
}

/** rowsOfIds: the rows of the ids this archive has; ids it lacks are left out. */
async function rowsOfIds(
  queryClient: QueryClient,
  manifest: Manifest,
  ids: Iterable<string>,
): Promise<Map<string, number>> {
  const byShard = new Map<string, string[]>();
  for (const id of ids) {
    const shard = idShardOf(id);
    const shardIds = byShard.get(shard);
    if (shardIds) shardIds.push(id);
    else byShard.set(shard, [id]);
  }
  const rows = new Map<string, number>();
  await Promise.all(
    [...byShard].map(async ([shard, shardIds]) => {
      // Every shard exists (ingest writes all 256), so a failure here is the network's.
      const lookup = (await queryClient.ensureQueryData(articleQueries.idShard(manifest, shard)))
        .documents;
      for (const id of shardIds) {
        const document = lookup[id];
        if (document !== undefined && document < manifest.articleCount) {
          rows.set(id, rowOfDocument(manifest.articleCount, document));
        }
      }
    }),
  );
  return rows;
}

/**
 * useRowFlags: the read and starred flags of every row (READ_FLAG, STARRED_FLAG), resolved from
 * the stored ids through the id lookup; undefined until the first resolution. Only fetched when
 * `enabled`, i.e. when a view filters by state.
 */
export function useRowFlags(manifest: Manifest, enabled: boolean): Uint8Array | undefined {
  const queryClient = useQueryClient();
  const changes = useSyncExternalStore(store.subscribe, getVersion, () => 0);
  const { data } = useQuery({
    queryKey: ['row-flags', manifest.build, changes],
    queryFn: async () => {
      await store.ready;
      const states = store.states();
      const rows = await rowsOfIds(queryClient, manifest, states.keys());
      const flags = new Uint8Array(manifest.articleCount);
      for (const [id, row] of rows) {
        const state = states.get(id)!;
        flags[row] =
          (state.read !== null ? READ_FLAG : 0) | (state.starred !== null ? STARRED_FLAG : 0);
      }
      return flags;
    },
    enabled,
    staleTime: Infinity,
    gcTime: 0,
    placeholderData: keepPreviousData,
    structuralSharing: false,
  });
  return enabled ? data : undefined;
}

/** What an import did: records taken in, changed, and ids this archive does not have. */
export interface ImportOutcome {
  matched: number;
  changed: number;
  unknown: number;
}

/** useImportReadingState: merges imported records for the articles this archive has. */
export function useImportReadingState(manifest: Manifest) {
  const queryClient = useQueryClient();
  return useCallback(
    async (records: readonly ArticleReadingState[]): Promise<ImportOutcome> => {
      await store.ready;
      const rows = await rowsOfIds(
        queryClient,
        manifest,
        records.map((record) => record.id),
      );
      const known = records.filter((record) => rows.has(record.id));
      const changed = mergeReadingState(store.states(), known);
      store.apply(changed);
      return {
        matched: known.length,
        changed: changed.length,
        unknown: records.length - known.length,
      };
    },
    [queryClient, manifest],
  );
}

/** readingStatesNow: the records as they are, after the stored ones have loaded (for export). */
export async function readingStatesNow() {
  await store.ready;
  return store.states();
}

/**
 * useIdsOfRows: the article ids of rows, in order, loading the row chunks they are in (cached
 * chunks are reused); for acting on a whole view, e.g. marking it read.
 */
export function useIdsOfRows(manifest: Manifest) {
  const queryClient = useQueryClient();
  return useCallback(
    async (rows: Uint32Array): Promise<string[]> => {
      const places = Array.from(rows, (row) =>
        chunkOf(manifest.chunkSize, documentOfRow(manifest.articleCount, row)),
      );
      const chunks = [...new Set(places.map((place) => place.chunk))];
      const loaded = new Map(
        await Promise.all(
          chunks.map(
            async (chunk) =>
              [
                chunk,
                await queryClient.ensureQueryData(articleQueries.rowChunk(manifest, chunk)),
              ] as const,
          ),
        ),
      );
      return places.map(({ chunk, offset }) => loaded.get(chunk)!.rows[offset]!.id);
    },
    [queryClient, manifest],
  );
}
