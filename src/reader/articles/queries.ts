import { queryOptions } from '@tanstack/react-query';
import type { Manifest } from '../../manifest/schema';
import { fetchArticleBody, fetchArticleIndex, fetchManifest } from './api';

/**
 * One queryOptions factory per resource: route loaders prime the cache with these and components
 * read the same entries. Data files never change under a given manifest, so nothing goes stale.
 */
export const articleQueries = {
  manifest: () =>
    queryOptions({
      queryKey: ['manifest'],
      queryFn: ({ signal }) => fetchManifest(signal),
      staleTime: Infinity,
    }),
  index: (manifest: Manifest) =>
    queryOptions({
      queryKey: ['index', manifest.index],
      queryFn: ({ signal }) => fetchArticleIndex(manifest, signal),
      staleTime: Infinity,
    }),
  body: (manifest: Manifest, id: string) =>
    queryOptions({
      queryKey: ['article', manifest.index, id],
      queryFn: ({ signal }) => fetchArticleBody(manifest, id, signal),
      staleTime: Infinity,
    }),
};
