import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
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
  const index = await queryClient.ensureQueryData(articleQueries.index(manifest));
  return { manifest, index };
}

/** archiveLoader: primes the manifest and index for the list and the timeline. */
export const archiveLoader = (queryClient: QueryClient) => async () => {
  await ensureArchive(queryClient);
  return null;
};

/**
 * articleLoader: primes the index, checks the id, and starts fetching the body without waiting
 * for it, so the article header shows at once and the body streams in behind a skeleton.
 */
export const articleLoader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    const id = params.id ?? '';
    const { manifest, index } = await ensureArchive(queryClient);
    if (!index.articles.some((article) => article.id === id)) throw new ArticleNotFoundError(id);
    void queryClient.prefetchQuery(articleQueries.body(manifest, id));
    return null;
  };
