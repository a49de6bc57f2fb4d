import { useId } from 'react';
import {
  LINE_WIDTHS,
  TEXT_SIZES,
  THEMES,
  type ReadingSettings,
} from '../articles/reading-settings';
import { setReadingSettings, useReadingSettings } from '../articles/use-reading-settings';
import { useI18n } from '../i18n/i18n';
import type { Messages } from '../i18n/messages';

const LABELS: {
  [K in keyof ReadingSettings]: {
    legend: keyof Messages;
    options: Record<ReadingSettings[K], keyof Messages>;
  };
} = {
  theme: {
    legend: 'theme',
    options: { system: 'themeSystem', light: 'themeLight', dark: 'themeDark', sepia: 'themeSepia' },
  },
  textSize: {
    legend: 'textSize',
    options: { small: 'sizeSmall', medium: 'sizeMedium', large: 'sizeLarge' },
  },
  lineWidth: {
    legend: 'lineWidth',
    options: { narrow: 'widthNarrow', medium: 'widthMedium', wide: 'widthWide' },
  },
};

const CHOICES: { [K in keyof ReadingSettings]: readonly ReadingSettings[K][] } = {
  theme: THEMES,
  textSize: TEXT_SIZES,
  lineWidth: LINE_WIDTHS,
};

/** ReadingSettingsMenu: theme, text size and line width, as radio groups behind a disclosure. */
export function ReadingSettingsMenu() {
  const { t } = useI18n();
  const settings = useReadingSettings();
  const name = useId();
  const fields = Object.keys(CHOICES) as (keyof ReadingSettings)[];
  return (
    <details className="reading-settings">
      <summary>
        <span className="reading-settings__glyph" aria-hidden="true">
          Aa
        </span>
        <span className="reading-settings__label">{t.readingSettings}</span>
      </summary>
      <div className="reading-settings__panel">
        {fields.map((field) => (
          <fieldset key={field}>
            <legend>{t[LABELS[field].legend] as string}</legend>
            {CHOICES[field].map((choice) => (
              <label key={choice}>
                <input
                  type="radio"
                  name={`${name}-${field}`}
                  checked={settings[field] === choice}
                  onChange={() => setReadingSettings({ ...settings, [field]: choice })}
                />
                {t[(LABELS[field].options as Record<string, keyof Messages>)[choice]!] as string}
              </label>
            ))}
          </fieldset>
        ))}
      </div>
    </details>
  );
}
