import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

interface FilterPanelProps {
  sources: ReactNode;
  dateRange: ReactNode;
  canClear: boolean;
  onClear: () => void;
}

/** FilterPanel: the source filter, the date range and clear-all, as one form. */
export function FilterPanel({ sources, dateRange, canClear, onClear }: FilterPanelProps) {
  const { t } = useI18n();
  return (
    <form
      className="filter-panel"
      aria-label={t.filters}
      onSubmit={(event) => event.preventDefault()}
    >
      {sources}
      {dateRange}
      <button type="button" className="button" onClick={onClear} disabled={!canClear}>
        {t.clearFilters}
      </button>
    </form>
  );
}
