import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, type RouteObject, type ShouldRevalidateFunction } from 'react-router';
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

/** The path the app is served under, as the router wants it. */
export const ROUTER_BASENAME = import.meta.env.BASE_URL.replace(/\/$/, '') || '/';

/**
 * appRoutes: the routes, each loader priming the query cache its component reads; the browser's
 * router and the build's prerender of the first screen (prerender.tsx) both run these.
 */
export function appRoutes(queryClient: QueryClient): RouteObject[] {
  return [
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
  ];
}

/** createAppRouter: the browser's router over the app's routes. */
export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(appRoutes(queryClient), { basename: ROUTER_BASENAME });
}
