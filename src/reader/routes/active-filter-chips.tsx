import {
  activeFilterChips,
  type FilterChip,
  type FilterChipKind,
} from '../articles/active-filters';
import { useListFilters } from '../articles/use-archive';
import { useI18n } from '../i18n/i18n';
import type { Messages } from '../i18n/messages';

/** The message naming what removing a chip of each kind does. */
const REMOVE_MESSAGE: Record<FilterChipKind, (t: Messages, label: string) => string> = {
  source: (t, label) => t.removeSourceFilter(label),
  dates: (t, label) => t.removeDatesFilter(label),
  query: (t, label) => t.removeQueryFilter(label),
  state: (t, label) => t.removeStateFilter(label),
};

/** chipText: what a chip shows; the read state's URL value is named in the interface language. */
export function chipText(t: Messages, chip: FilterChip): string {
  if (chip.kind !== 'state') return chip.label;
  return chip.label === 'starred' ? t.stateStarred : t.stateUnread;
}

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
            aria-label={REMOVE_MESSAGE[chip.kind](t, chipText(t, chip))}
            onClick={() => setFilters(chip.without)}
          >
            {chipText(t, chip)} <span aria-hidden="true">×</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
