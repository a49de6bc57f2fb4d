import { useListFilters, useSearchResults } from '../articles/use-archive';
import { useI18n } from '../i18n/i18n';
import { SearchBox } from '../ui/search-box';

/** ArchiveSearch: the search box wired to the URL's `q`, shared by the list and the timeline. */
export function ArchiveSearch() {
  const { t } = useI18n();
  const { filters, setQuery } = useListFilters();
  // The search's state only: the rows are the view's business (filtering them twice would cost a
  // second pass over every row on each filter change).
  const results = useSearchResults(filters.query);
  const busy = filters.query !== '' && (results.isPending || results.isPlaceholderData);
  return (
    <SearchBox
      query={filters.query}
      onSearch={setQuery}
      label={t.searchLabel}
      placeholder={t.searchPlaceholder}
      hint={t.searchShortcut}
      submitLabel={t.searchSubmit}
      clearLabel={t.searchClear}
      busy={busy}
    />
  );
}
