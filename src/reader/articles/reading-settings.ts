/**
 * The reader's reading settings, kept in localStorage under SETTINGS_KEY and applied as data
 * attributes on <html>. public/reading-settings.js applies them before the first paint (an
 * external classic script, so the CSP needs no inline script): it must read the same key and
 * write the same attributes as readingSettingsAttributes, which its test checks.
 */
export const THEMES = ['system', 'light', 'dark', 'sepia'] as const;
export const TEXT_SIZES = ['small', 'medium', 'large'] as const;
export const LINE_WIDTHS = ['narrow', 'medium', 'wide'] as const;

export interface ReadingSettings {
  theme: (typeof THEMES)[number];
  textSize: (typeof TEXT_SIZES)[number];
  lineWidth: (typeof LINE_WIDTHS)[number];
}

export const DEFAULT_SETTINGS: ReadingSettings = {
  theme: 'system',
  textSize: 'medium',
  lineWidth: 'medium',
};

export const SETTINGS_KEY = 'chronicle-reading-settings';

const oneOf = <T extends string>(allowed: readonly T[], value: unknown, fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

/** parseReadingSettings: the stored text as settings; anything unreadable is the default. */
export function parseReadingSettings(stored: string | null): ReadingSettings {
  let value: Partial<Record<keyof ReadingSettings, unknown>> = {};
  try {
    const parsed: unknown = stored === null ? null : JSON.parse(stored);
    if (typeof parsed === 'object' && parsed !== null) value = parsed;
  } catch {
    // A damaged entry is the defaults.
  }
  return {
    theme: oneOf(THEMES, value.theme, DEFAULT_SETTINGS.theme),
    textSize: oneOf(TEXT_SIZES, value.textSize, DEFAULT_SETTINGS.textSize),
    lineWidth: oneOf(LINE_WIDTHS, value.lineWidth, DEFAULT_SETTINGS.lineWidth),
  };
}

/** readingSettingsAttributes: the <html> data attributes for the settings; null removes one. */
export function readingSettingsAttributes(settings: ReadingSettings) {
  return {
    'data-theme': settings.theme === 'system' ? null : settings.theme,
    'data-text-size': settings.textSize === 'medium' ? null : settings.textSize,
    'data-line-width': settings.lineWidth === 'medium' ? null : settings.lineWidth,
  };
}
