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

const FirstScreenSchema = z.object({
  /** The one URL path (no query string) the screen was prerendered for. */
  path: z.string(),
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

/** firstScreenJson: the data as the text of a `<script type="application/json">`, safe inside it. */
export function firstScreenJson(firstScreen: FirstScreen): string {
  // No "</script" or "<!--" can close or confuse the element: every "<" is escaped.
  return JSON.stringify(firstScreen).replaceAll('<', '\\u003c');
}
