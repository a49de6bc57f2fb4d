import { useSyncExternalStore } from 'react';
import {
  parseReadingSettings,
  readingSettingsAttributes,
  SETTINGS_KEY,
  type ReadingSettings,
} from './reading-settings';

function readStored(): string | null {
  try {
    return localStorage.getItem(SETTINGS_KEY);
  } catch {
    return null;
  }
}

/** The settings the first screen is prerendered with (the stored ones apply after hydration). */
const DEFAULT_SETTINGS = parseReadingSettings(null);
let settings = parseReadingSettings(readStored());
const listeners = new Set<() => void>();

/** useReadingSettings: the reading settings, re-rendering when they change. */
export function useReadingSettings(): ReadingSettings {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => settings,
    () => DEFAULT_SETTINGS,
  );
}

/** setReadingSettings: applies the settings to the page at once and keeps them for next time. */
export function setReadingSettings(next: ReadingSettings) {
  settings = next;
  for (const [name, value] of Object.entries(readingSettingsAttributes(next))) {
    if (value === null) document.documentElement.removeAttribute(name);
    else document.documentElement.setAttribute(name, value);
  }
  try {
    localStorage.setItem(SETTINGS_KEY, JSON.stringify(next));
  } catch {
    // Storage refused (private mode, quota): the settings hold for this visit.
  }
  listeners.forEach((listener) => listener());
}
