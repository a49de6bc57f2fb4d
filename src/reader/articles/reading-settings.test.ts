import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  LINE_WIDTHS,
  parseReadingSettings,
  readingSettingsAttributes,
  SETTINGS_KEY,
  TEXT_SIZES,
  THEMES,
} from './reading-settings';

// Tests run from the project's root.
const earlyScript = readFileSync('public/reading-settings.js', 'utf8');

const settingsArbitrary = fc.record({
  theme: fc.constantFrom(...THEMES),
  textSize: fc.constantFrom(...TEXT_SIZES),
  lineWidth: fc.constantFrom(...LINE_WIDTHS),
});

const ATTRIBUTES = ['data-theme', 'data-text-size', 'data-line-width'] as const;

function runEarlyScript(stored: string | null) {
  for (const name of ATTRIBUTES) document.documentElement.removeAttribute(name);
  if (stored === null) localStorage.removeItem(SETTINGS_KEY);
  else localStorage.setItem(SETTINGS_KEY, stored);
  new Function(earlyScript)();
  return Object.fromEntries(
    ATTRIBUTES.map((name) => [name, document.documentElement.getAttribute(name)]),
  );
}

afterEach(() => localStorage.clear());

describe('parseReadingSettings', () => {
  it('reads stored settings and falls back to the defaults field by field', () => {
    expect(parseReadingSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(parseReadingSettings('{')).toEqual(DEFAULT_SETTINGS);
    expect(parseReadingSettings('{"theme":"sepia","textSize":"huge"}')).toEqual({
      ...DEFAULT_SETTINGS,
      theme: 'sepia',
    });
  });
});

describe('public/reading-settings.js', () => {
  it('sets on <html> exactly the attributes the app sets for the same stored settings', () => {
    fc.assert(
      fc.property(settingsArbitrary, (settings) => {
        expect(runEarlyScript(JSON.stringify(settings))).toEqual(
          readingSettingsAttributes(settings),
        );
      }),
    );
  });

  it('leaves the page alone for damaged or foreign entries', () => {
    for (const stored of [null, '{', 'null', '"dark"', '{"theme":"<script>"}']) {
      expect(runEarlyScript(stored)).toEqual(readingSettingsAttributes(DEFAULT_SETTINGS));
    }
  });
});
