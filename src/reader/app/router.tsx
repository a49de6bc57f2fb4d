import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, type ShouldRevalidateFunction } from 'react-router';
import { archiveLoader, articleLoader } from '../articles/loaders';
import { ListRoute } from '../routes/list-route';
import { NotFoundRoute } from '../routes/not-found-route';
import { RouteError } from '../routes/route-error';
import { TimelineRoute } from '../routes/timeline-route';
import { AppLoading, AppShell } from './app-shell';
import { loadArticleRoute } from './lazy-routes';

/** The data never depends on the query string, so filter changes need no loader run. */
const onlyOnNewPath: ShouldRevalidateFunction = ({
  currentUrl,
  nextUrl,
  defaultShouldRevalidate,
}) => (currentUrl.pathname !== nextUrl.pathname ? defaultShouldRevalidate : false);

/** createAppRouter: the routes, each loader priming the query cache its component reads. */
export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(
    [
      {
        element: <AppShell />,
        hydrateFallbackElement: <AppLoading />,
        errorElement: <RouteError />,
        children: [
          {
            // Errors render inside the shell, so the header and a way on stay on screen.
            errorElement: <RouteError />,
            children: [
              {
                index: true,
                loader: archiveLoader(queryClient),
                shouldRevalidate: onlyOnNewPath,
                element: <ListRoute />,
              },
              {
                path: 'timeline',
                loader: archiveLoader(queryClient),
                shouldRevalidate: onlyOnNewPath,
                element: <TimelineRoute />,
              },
              {
                path: 'articles/:id',
                loader: articleLoader(queryClient),
                shouldRevalidate: onlyOnNewPath,
                // The article view brings the sanitizer (DOMPurify and the policy): loaded with
                // the first article, in parallel with its data, not before the list can show.
                lazy: async () => ({ Component: (await loadArticleRoute()).ArticleRoute }),
              },
              { path: '*', element: <NotFoundRoute /> },
            ],
          },
        ],
      },
    ],
    { basename: import.meta.env.BASE_URL.replace(/\/$/, '') || '/' },
  );
}
