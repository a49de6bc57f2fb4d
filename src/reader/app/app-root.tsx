import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import type { DataRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { DataNetworkError } from '../articles/api';
import { I18nProvider } from '../i18n/i18n';

/** createQueryClient: the cache every view reads the archive's files through. */
export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A missing or invalid file will not fix itself on a quick retry; a dropped connection may.
        retry: (failureCount, error) => failureCount < 1 && error instanceof DataNetworkError,
        retryDelay: 500,
        refetchOnWindowFocus: false,
      },
    },
  });
}

/**
 * AppRoot: the whole app over a router. The browser renders (or hydrates) it, and the build
 * prerenders the first screen with the very same tree, so the two can match node for node.
 */
export function AppRoot({ queryClient, router }: { queryClient: QueryClient; router: DataRouter }) {
  return (
    <StrictMode>
      <I18nProvider>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </I18nProvider>
    </StrictMode>
  );
}

/** routerReady: resolves once the router has run the first location's loaders. */
export function routerReady(router: DataRouter): Promise<void> {
  return new Promise((resolve) => {
    if (router.state.initialized) return resolve();
    const unsubscribe = router.subscribe((state) => {
      if (!state.initialized) return;
      unsubscribe();
      resolve();
    });
  });
}
