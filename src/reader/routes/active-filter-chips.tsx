import { activeFilterChips, type FilterChipKind } from '../articles/active-filters';
import { useListFilters } from '../articles/use-archive';
import { useI18n } from '../i18n/i18n';
import type { Messages } from '../i18n/messages';

/** The message naming what removing a chip of each kind does. */
const REMOVE_MESSAGE: Record<FilterChipKind, (t: Messages, label: string) => string> = {
  source: (t, label) => t.removeSourceFilter(label),
  dates: (t, label) => t.removeDatesFilter(label),
  query: (t, label) => t.removeQueryFilter(label),
};

/** ActiveFilterChips: what narrows the view, above the results, each removable in one click. */
export function ActiveFilterChips() {
  const { t } = useI18n();
  const { filters, setFilters } = useListFilters();
  const chips = activeFilterChips(filters);
  if (chips.length === 0) return null;
  return (
    <ul className="filter-chips" aria-label={t.activeFilters}>
      {chips.map((chip) => (
        <li key={chip.key}>
          <button
            type="button"
            className="filter-chip"
            aria-label={REMOVE_MESSAGE[chip.kind](t, chip.label)}
            onClick={() => setFilters(chip.without)}
          >
            {chip.label} <span aria-hidden="true">×</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
