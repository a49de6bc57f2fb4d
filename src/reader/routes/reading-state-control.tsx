import { Link } from 'react-router';
import { serializeListFilters, type ListFilters } from '../articles/list-filters';
import type { ReadingStateFilter } from '../articles/reading-state';
import { useListFilters } from '../articles/use-archive';
import { useI18n } from '../i18n/i18n';

/**
 * ReadingStateControl: All / Unread / Starred, as links that set the URL's `state`, so each
 * choice is a view that can be bookmarked, shared and gone back to.
 */
export function ReadingStateControl({ pathname }: { pathname: '/' | '/timeline' }) {
  const { t } = useI18n();
  const { filters } = useListFilters();
  const choices: { state: ReadingStateFilter | undefined; label: string }[] = [
    { state: undefined, label: t.stateAll },
    { state: 'unread', label: t.stateUnread },
    { state: 'starred', label: t.stateStarred },
  ];
  const withState = (state: ReadingStateFilter | undefined): ListFilters => {
    const next = { ...filters, state };
    if (!state) delete next.state;
    return next;
  };
  return (
    <nav className="state-control" aria-label={t.stateFilter}>
      {choices.map(({ state, label }) => (
        <Link
          key={label}
          to={{ pathname, search: serializeListFilters(withState(state)) }}
          aria-current={filters.state === state ? 'page' : undefined}
        >
          {label}
        </Link>
      ))}
    </nav>
  );
}
