import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { ArticleIdSchema, type Manifest, type RowChunk } from '../../manifest/schema';
import { idShardOf } from './api';
import { parseListFilters } from './list-filters';
import { articleQueries } from './queries';

/** No article has this id: the route shows its not-found view. */
export class ArticleNotFoundError extends Error {
  override readonly name = 'ArticleNotFoundError';
  constructor(readonly id: string) {
    super(`no article with id ${id}`);
  }
}

async function ensureArchive(queryClient: QueryClient) {
  const manifest = await queryClient.ensureQueryData(articleQueries.manifest());
  await queryClient.ensureQueryData(articleQueries.columns(manifest));
  return manifest;
}

/**
 * primeSearch: starts the search a URL asks for (`q`) and waits for it, so a shared link shows its
 * results at once. A failed search does not fail the route: the view says so where the results go.
 */
async function primeSearch(queryClient: QueryClient, manifest: Manifest, request: Request) {
  const { query } = parseListFilters(new URL(request.url).searchParams).filters;
  if (query !== '') {
    await queryClient.prefetchQuery(articleQueries.searchResults(queryClient, manifest, query));
  }
}

/** archiveLoader: primes the manifest, the columns and any search for the list and the timeline. */
export const archiveLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    const manifest = await ensureArchive(queryClient);
    await primeSearch(queryClient, manifest, request);
    return null;
  };

/**
 * findCachedRow: the row of an article whose chunk is already loaded — always the case when it was
 * opened from the list or the timeline — so opening it needs no id lookup on the network.
 */
function findCachedRow(
  queryClient: QueryClient,
  manifest: Manifest,
  id: string,
): number | undefined {
  for (const [, chunk] of queryClient.getQueriesData<RowChunk>(
    articleQueries.rowChunks(manifest),
  )) {
    const offset = chunk?.rows.findIndex((row) => row.id === id) ?? -1;
    if (offset !== -1) return chunk!.chunk * manifest.chunkSize + offset;
  }
  return undefined;
}

/**
 * articleLoader: finds the article's row through its id shard, primes the row's chunk, and starts
 * fetching the body without waiting for it, so the header shows at once and the body streams in
 * behind a skeleton. Returns the row index.
 */
export const articleLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    const id = params.id ?? '';
    const manifest = await ensureArchive(queryClient);
    // The search, if any, is the list previous and next follow; loaded alongside the article.
    const search = primeSearch(queryClient, manifest, request);
    if (!ArticleIdSchema.safeParse(id).success) throw new ArticleNotFoundError(id);
    const row =
      findCachedRow(queryClient, manifest, id) ??
      (await queryClient.ensureQueryData(articleQueries.idShard(manifest, idShardOf(id)))).rows[id];
    if (row === undefined) throw new ArticleNotFoundError(id);
    const chunk = await queryClient.ensureQueryData(
      articleQueries.rowChunk(manifest, Math.floor(row / manifest.chunkSize)),
    );
    const article = chunk.rows[row % manifest.chunkSize];
    if (article?.id !== id) throw new ArticleNotFoundError(id);
    void queryClient.prefetchQuery(articleQueries.body(id, article.body));
    await search;
    return { row };
  };
