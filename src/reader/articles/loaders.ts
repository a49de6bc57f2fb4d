import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { ArticleIdSchema, type Manifest } from '../../manifest/schema';
import { parseListFilters } from './list-filters';
import { articleQueries, articleRowOfId } from './queries';

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
 * articleLoader: finds the article's list position (from a loaded row chunk, else its id shard),
 * primes its row's chunk, and starts fetching the body without waiting for it, so the header shows
 * at once and the body streams in behind a skeleton. The article view reads the position from the
 * cache (articleQueries.rowOfId), so it follows the reader into a new build after a deploy.
 */
export const articleLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    const id = params.id ?? '';
    const manifest = await ensureArchive(queryClient);
    // The search, if any, is the list previous and next follow; loaded alongside the article.
    const search = primeSearch(queryClient, manifest, request);
    if (!ArticleIdSchema.safeParse(id).success) throw new ArticleNotFoundError(id);
    const found = await articleRowOfId(queryClient, manifest, id);
    if (found === undefined) throw new ArticleNotFoundError(id);
    void queryClient.prefetchQuery(articleQueries.body(id, found.article.body));
    await search;
    return { id };
  };
