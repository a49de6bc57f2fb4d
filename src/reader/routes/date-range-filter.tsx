import { useId, useState } from 'react';
import { DATE_PRESETS, decideDateEntry, type DatePreset } from '../articles/date-entry';
import { useI18n } from '../i18n/i18n';

interface DateFieldProps {
  label: string;
  value: string | null;
  min?: string | null;
  max?: string | null;
  onApply: (day: string | null) => void;
}

/**
 * DateField: a day typed or picked; what is typed applies once it is a complete, plausible day,
 * or when the field is left or Enter pressed, never half-typed (see decideDateEntry).
 */
function DateField({ label, value, min, max, onApply }: DateFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(value ?? '');
  const [shown, setShown] = useState(value);
  // The URL changed under the field (a chip, a preset, back): show what it now says.
  if (shown !== value) {
    setShown(value);
    setDraft(value ?? '');
  }
  const settle = (text: string, final: boolean) => {
    const decision = decideDateEntry(text, { final });
    if (decision.apply && decision.day !== value) onApply(decision.day);
  };
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        value={draft}
        min={min ?? undefined}
        max={max ?? undefined}
        onChange={(event) => {
          setDraft(event.target.value);
          settle(event.target.value, false);
        }}
        onBlur={(event) => settle(event.target.value, true)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') settle(event.currentTarget.value, true);
        }}
      />
    </>
  );
}

interface DateRangeFilterProps {
  from: string | null;
  to: string | null;
  onDateChange: (bound: 'from' | 'to', day: string | null) => void;
  onPreset: (preset: DatePreset) => void;
}

/** DateRangeFilter: from and to, typed or picked, and preset ranges. */
export function DateRangeFilter({ from, to, onDateChange, onPreset }: DateRangeFilterProps) {
  const { t } = useI18n();
  return (
    <fieldset className="filter-panel__dates">
      <legend>{t.dateRange}</legend>
      <DateField
        label={t.from}
        value={from}
        max={to}
        onApply={(day) => onDateChange('from', day)}
      />
      <DateField label={t.to} value={to} min={from} onApply={(day) => onDateChange('to', day)} />
      <div className="filter-panel__presets" role="group" aria-label={t.datePresets}>
        {DATE_PRESETS.map((preset) => (
          <button
            key={preset}
            type="button"
            className="chip-button"
            onClick={() => onPreset(preset)}
          >
            {t.datePreset[preset]}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
