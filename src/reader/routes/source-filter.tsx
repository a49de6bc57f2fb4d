import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { arrangeSources, type SourceEntry, type SourceOrder } from '../articles/source-picker';
import { useI18n } from '../i18n/i18n';

interface SourceFilterProps {
  entries: SourceEntry[];
  /** How names and what is typed are compared (search's folding, once loaded). */
  fold: (text: string) => string;
  /** Called when the reader starts typing a name, to load the full folding. */
  onTyping: () => void;
  onToggle: (name: string) => void;
  onOnly: (name: string) => void;
  onNone: () => void;
}

function SourceItem({
  entry,
  focusable,
  onToggle,
  onOnly,
  onFocus,
}: {
  entry: SourceEntry;
  focusable: boolean;
  onToggle: (name: string) => void;
  onOnly: (name: string) => void;
  onFocus: (name: string) => void;
}) {
  const { t } = useI18n();
  return (
    <li
      className={
        entry.count === 0 && !entry.selected
          ? 'source-picker__item is-empty'
          : 'source-picker__item'
      }
    >
      <label>
        <input
          type="checkbox"
          checked={entry.selected}
          tabIndex={focusable ? 0 : -1}
          data-source={entry.name}
          onFocus={() => onFocus(entry.name)}
          onChange={() => onToggle(entry.name)}
        />
        <span className="filter-panel__source-name">{entry.name}</span>
        <span className="filter-panel__count">{entry.count}</span>
      </label>
      <button
        type="button"
        className="source-picker__only"
        tabIndex={-1}
        aria-label={t.onlySourceLabel(entry.name)}
        onClick={() => onOnly(entry.name)}
      >
        {t.onlySource}
      </button>
    </li>
  );
}

/**
 * SourceFilter: find a source by typing (folded as search folds), the selected ones first, the
 * others by the archive's categories, by count or by name. The list is one Tab stop: the arrow
 * keys move between sources, and → reaches a source's "only this" button.
 */
export function SourceFilter({
  entries,
  fold,
  onTyping,
  onToggle,
  onOnly,
  onNone,
}: SourceFilterProps) {
  const { t } = useI18n();
  const searchId = useId();
  const groupId = useId();
  const [typed, setTyped] = useState('');
  const [order, setOrder] = useState<SourceOrder>('count');
  const [current, setCurrent] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const arranged = useMemo(
    () => arrangeSources(entries, { query: typed, order, fold }),
    [entries, typed, order, fold],
  );
  const shown = [...arranged.selected, ...arranged.sections.flatMap((section) => section.sources)];
  const focusName = shown.some((entry) => entry.name === current) ? current : shown[0]?.name;

  const moveFocus = (event: KeyboardEvent<HTMLDivElement>) => {
    const boxes = [
      ...(listRef.current?.querySelectorAll<HTMLInputElement>('input[data-source]') ?? []),
    ];
    const target = event.target as HTMLElement;
    const item = target.closest('li');
    const index = boxes.findIndex((box) => box.closest('li') === item);
    if (index === -1) return;
    const go = (next: HTMLElement | null | undefined) => {
      if (!next) return;
      event.preventDefault();
      next.focus();
    };
    if (event.key === 'ArrowDown') go(boxes[index + 1]);
    else if (event.key === 'ArrowUp') go(boxes[index - 1]);
    else if (event.key === 'Home') go(boxes[0]);
    else if (event.key === 'End') go(boxes.at(-1));
    else if (event.key === 'ArrowRight') go(item?.querySelector('button'));
    else if (event.key === 'ArrowLeft') go(boxes[index]);
  };

  const renderItems = (list: SourceEntry[]) =>
    list.map((entry) => (
      <SourceItem
        key={entry.name}
        entry={entry}
        focusable={entry.name === focusName}
        onToggle={onToggle}
        onOnly={onOnly}
        onFocus={setCurrent}
      />
    ));

  return (
    <fieldset className="filter-panel__sources source-picker">
      <legend>{t.sources}</legend>
      <input
        id={searchId}
        type="search"
        className="source-picker__search"
        aria-label={t.findSource}
        placeholder={t.findSource}
        value={typed}
        autoComplete="off"
        onChange={(event) => {
          setTyped(event.target.value);
          onTyping();
        }}
      />
      <div className="source-picker__tools">
        <select
          aria-label={t.sourceOrder}
          value={order}
          onChange={(event) => setOrder(event.target.value as SourceOrder)}
        >
          <option value="count">{t.orderByCount}</option>
          <option value="name">{t.orderByName}</option>
        </select>
        <button
          type="button"
          className="link-button"
          onClick={onNone}
          disabled={arranged.selected.length === 0}
        >
          {t.selectNoSources}
        </button>
      </div>
      <div ref={listRef} className="source-picker__list" onKeyDown={moveFocus}>
        {arranged.selected.length > 0 && (
          <div role="group" aria-labelledby={`${groupId}-selected`}>
            <p id={`${groupId}-selected`} className="source-picker__group">
              {t.selectedSources}
            </p>
            <ul>{renderItems(arranged.selected)}</ul>
          </div>
        )}
        {arranged.sections.map((section, index) => (
          <div key={section.group ?? ''} role="group" aria-labelledby={`${groupId}-${index}`}>
            <p
              id={`${groupId}-${index}`}
              className="source-picker__group"
              hidden={arranged.sections.length === 1 && arranged.selected.length === 0}
            >
              {section.group ?? t.ungroupedSources}
            </p>
            <ul>{renderItems(section.sources)}</ul>
          </div>
        ))}
        {arranged.matching === 0 && typed.trim() !== '' && (
          <p className="source-picker__none">{t.noSourceMatches(typed.trim())}</p>
        )}
      </div>
    </fieldset>
  );
}
