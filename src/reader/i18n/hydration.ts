import { useSyncExternalStore } from 'react';
import type { UiLanguage } from './messages';

/**
 * The reader the prerendered first screen is written for (see docs/first-paint.md): the build
 * cannot know the browser's language or time zone, so it assumes the archive's usual reader, and
 * the page switches to the real one right after hydration.
 */
export const FIRST_SCREEN_READER: {
  language: UiLanguage;
  timeZone: string;
  /** CSS pixels of window the first screen fills with rows: a laptop's, or a phone's twice. */
  windowHeight: number;
} = {
  language: 'zh',
  timeZone: 'Asia/Shanghai',
  windowHeight: 1000,
};

const subscribeNever = () => () => {};

/**
 * useHydrated: false while the first screen is prerendered and while the browser hydrates it,
 * true from then on (and from the start when the page renders without a prerendered screen).
 * What depends on the browser (its language, time zone, stored settings) must render as the
 * prerender did until this turns true, or hydration would not match.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
}
