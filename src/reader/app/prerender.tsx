import { dehydrate, type Query } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { createMemoryRouter } from 'react-router';
import '../zod-without-eval';
import { AppRoot, createQueryClient, routerReady } from './app-root';
import { firstScreenElement, type FirstScreen } from './first-screen';
import { appRoutes, ROUTER_BASENAME } from './router';

/** Renders with more queries than this still waiting mean a view that never settles. */
const MAX_PASSES = 4;

export interface PrerenderedFirstScreen {
  /** The markup of `#root`, exactly what the app renders for the path before any interaction. */
  html: string;
  data: FirstScreen;
  /** `data` as the element that carries it in the page. */
  dataElement: string;
  /** Files the route loaders fetched: the browser's loaders fetch them again, so preload them. */
  preload: string[];
}

/** A query a view is waiting for: mounted without data and not disabled. */
function isWaiting(query: Query): boolean {
  if (query.state.data !== undefined) return false;
  // `enabled` is an observer option; the cache keeps it with the options the query was built from.
  const { enabled } = query.options as { enabled?: boolean | ((query: Query) => boolean) };
  return typeof enabled === 'function' ? enabled(query) : enabled !== false;
}

/**
 * prerenderFirstScreen: renders the list at the app's root as a new reader's browser would first
 * show it (FIRST_SCREEN_READER), reading the archive through `fetchFile` — the reader's own data
 * code, so whatever the data layout, the prerender reads it as the browser does. The queries the
 * rows need beyond the loaders' go into the page; the loaders' files are named for preloading.
 */
export async function prerenderFirstScreen(
  fetchFile: (url: string) => Promise<Response>,
): Promise<PrerenderedFirstScreen> {
  const fetched: string[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input) => {
    const url = input instanceof Request ? input.url : String(input);
    fetched.push(url);
    return fetchFile(url);
  };
  try {
    const path = `${ROUTER_BASENAME.replace(/\/$/, '')}/`;
    const queryClient = createQueryClient();
    const router = createMemoryRouter(appRoutes(queryClient), {
      basename: ROUTER_BASENAME,
      initialEntries: [path],
    });
    await routerReady(router);
    if (router.state.errors) {
      throw new Error(`the list's loader failed: ${Object.values(router.state.errors).join('; ')}`);
    }
    const preload = fetched.splice(0);
    const fromLoaders = new Set(
      queryClient
        .getQueryCache()
        .getAll()
        .map((q) => q.queryHash),
    );
    const render = () => renderToString(<AppRoot queryClient={queryClient} router={router} />);
    let html = render();
    for (let pass = 1; ; pass += 1) {
      const waiting = queryClient.getQueryCache().getAll().filter(isWaiting);
      if (waiting.length === 0) break;
      if (pass > MAX_PASSES) {
        throw new Error(`still waiting for ${waiting.map((q) => q.queryHash).join(', ')}`);
      }
      await Promise.all(waiting.map((query) => query.fetch()));
      html = render();
    }
    const needed = queryClient
      .getQueryCache()
      .getAll()
      .filter((query) => query.state.status === 'success' && !fromLoaders.has(query.queryHash))
      .map((query) => query.queryHash)
      .sort();
    const dehydrated = dehydrate(queryClient, {
      shouldDehydrateQuery: (query) => needed.includes(query.queryHash),
    });
    // Without the build's clock: the same data gives the same page (the data never goes stale).
    const state = {
      ...dehydrated,
      queries: dehydrated.queries.map((query) => ({
        ...query,
        dehydratedAt: 0,
        state: { ...query.state, dataUpdatedAt: 0 },
      })),
    };
    router.dispose();
    const data: FirstScreen = { path, loaded: [...fromLoaders].sort(), needed, state };
    return { html, data, dataElement: firstScreenElement(data), preload };
  } finally {
    globalThis.fetch = realFetch;
  }
}
