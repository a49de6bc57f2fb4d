import { useId } from 'react';
import { useI18n } from '../i18n/i18n';

export interface SourceOption {
  name: string;
  count: number;
  selected: boolean;
}

interface FilterPanelProps {
  sources: SourceOption[];
  from: string | null;
  to: string | null;
  canClear: boolean;
  onToggleSource: (name: string) => void;
  onDateChange: (bound: 'from' | 'to', day: string | null) => void;
  onClear: () => void;
}

/** FilterPanel: sources as checkboxes with counts, a day-precision date range, and clear-all. */
export function FilterPanel({
  sources,
  from,
  to,
  canClear,
  onToggleSource,
  onDateChange,
  onClear,
}: FilterPanelProps) {
  const { t } = useI18n();
  const fromId = useId();
  const toId = useId();
  return (
    <form
      className="filter-panel"
      aria-label={t.filters}
      onSubmit={(event) => event.preventDefault()}
    >
      <fieldset className="filter-panel__sources">
        <legend>{t.sources}</legend>
        <ul>
          {sources.map((source) => (
            <li key={source.name}>
              <label>
                <input
                  type="checkbox"
                  checked={source.selected}
                  onChange={() => onToggleSource(source.name)}
                />
                <span className="filter-panel__source-name">{source.name}</span>
                <span className="filter-panel__count">{source.count}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset className="filter-panel__dates">
        <legend>{t.dateRange}</legend>
        <label htmlFor={fromId}>{t.from}</label>
        <input
          id={fromId}
          type="date"
          value={from ?? ''}
          max={to ?? undefined}
          onChange={(event) => onDateChange('from', event.target.value || null)}
        />
        <label htmlFor={toId}>{t.to}</label>
        <input
          id={toId}
          type="date"
          value={to ?? ''}
          min={from ?? undefined}
          onChange={(event) => onDateChange('to', event.target.value || null)}
        />
      </fieldset>
      <button type="button" className="button" onClick={onClear} disabled={!canClear}>
        {t.clearFilters}
      </button>
    </form>
  );
}
