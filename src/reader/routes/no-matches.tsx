import { clearFilters, hasActiveFilters } from '../articles/list-filters';
import { useArchive, useListFilters } from '../articles/use-archive';
import { useI18n } from '../i18n/i18n';

/** NoMatches: what the list and the timeline say when nothing is left to show, with a way on. */
export function NoMatches() {
  const { t } = useI18n();
  const { columns } = useArchive();
  const { filters, setFilters } = useListFilters();
  return (
    <div className="empty-state">
      <p>{columns.count === 0 ? t.emptyArchive : t.noMatches}</p>
      {hasActiveFilters(filters) && (
        <button type="button" className="button" onClick={() => setFilters(clearFilters(filters))}>
          {t.clearFilters}
        </button>
      )}
    </div>
  );
}
