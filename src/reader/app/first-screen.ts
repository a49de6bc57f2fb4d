import type { DehydratedState } from '@tanstack/react-query';
import { z } from 'zod';

/**
 * The first screen the build prerenders into index.html (docs/first-paint.md): its markup sits
 * in `#root`, and beside it, as non-executable JSON, what hydrating it needs.
 */
export const FIRST_SCREEN_DATA_ID = 'chronicle-first-screen';

/**
 * On the html element while the document's prerendered screen is not the page asked for (another
 * path, or a query string): the stylesheet hides it until the app renders the right one.
 */
export const STALE_FIRST_SCREEN_ATTRIBUTE = 'data-first-screen';

/**
 * releaseFirstScreen: from the app's first commit on, the page is the app's: the prerendered
 * screen, inert until hydrated (clicks and typing would find no handler yet), becomes live.
 */
export function releaseFirstScreen(document: Document) {
  document.getElementById('root')?.removeAttribute('inert');
  document.documentElement.removeAttribute(STALE_FIRST_SCREEN_ATTRIBUTE);
}

const FirstScreenSchema = z.object({
  /** The one URL path (no query string) the screen was prerendered for. */
  path: z.string(),
  /**
   * Hashes of the queries the route loaders filled (the build's files are in their keys): the
   * browser's loaders must fill the same ones, or the data is not what was prerendered.
   */
  loaded: z.array(z.string()),
  /** Hashes of every query the prerender filled beyond the route loaders', all in `state`. */
  needed: z.array(z.string()),
  /** Those queries, dehydrated: the browser starts with them, so hydration renders the same rows. */
  state: z.custom<DehydratedState>(
    (value) => typeof value === 'object' && value !== null && 'queries' in value,
  ),
});

export type FirstScreen = z.infer<typeof FirstScreenSchema>;

/**
 * readFirstScreen: the prerendered screen's data when `document` has one for `location`'s URL,
 * else null (no prerender, another URL, or data that does not read).
 */
export function readFirstScreen(
  document: Document,
  location: Pick<Location, 'pathname' | 'search'>,
): FirstScreen | null {
  const text = document.getElementById(FIRST_SCREEN_DATA_ID)?.textContent;
  if (!text) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = FirstScreenSchema.safeParse(value);
  if (!parsed.success) return null;
  return parsed.data.path === location.pathname && location.search === '' ? parsed.data : null;
}

/** firstScreenElement: the data as a `<script type="application/json">`, for the page's body. */
export function firstScreenElement(firstScreen: FirstScreen): string {
  // No "</script" or "<!--" can close or confuse the element: every "<" is escaped.
  const json = JSON.stringify(firstScreen).replaceAll('<', '\\u003c');
  return `<script type="application/json" id="${FIRST_SCREEN_DATA_ID}">${json}</script>`;
}
