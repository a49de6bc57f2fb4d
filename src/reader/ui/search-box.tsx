import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

interface SearchBoxProps {
  /** The query in the URL. */
  query: string;
  /**
   * Called with the query to show: `commit` when the reader submits (a new history entry), else
   * while typing, after a pause.
   */
  onSearch: (query: string, how: { commit: boolean }) => void;
  label: string;
  placeholder: string;
  hint: string;
  submitLabel: string;
  clearLabel: string;
  /** Whether results for the query are still on their way. */
  busy: boolean;
}

/** Typing pauses this long before the results follow. */
const TYPING_PAUSE_MS = 250;

/** isTextEntry: whether a key press there is typing, so `/` must not be taken from it. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement &&
      !['checkbox', 'radio', 'button', 'submit'].includes(target.type))
  );
}

/**
 * SearchBox: the search field of the list and the timeline. `/` focuses it from anywhere on the
 * page; Escape in it clears it. The URL is the state: the field follows it on back and forward.
 */
export function SearchBox({
  query,
  onSearch,
  label,
  placeholder,
  hint,
  submitLabel,
  clearLabel,
  busy,
}: SearchBoxProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const [draft, setDraft] = useState(query);
  const [shownQuery, setShownQuery] = useState(query);
  /** What this field last sent, as the URL will have it. */
  const [sent, setSent] = useState<string | null>(null);
  if (query !== shownQuery) {
    setShownQuery(query);
    // The URL changed under the field (back, forward, a link): show what it says. When it is what
    // the field sent, keep the draft: the reader may have typed on while the results came.
    if (query === sent) setSent(null);
    else setDraft(query);
  }
  const send = (value: string, how: { commit: boolean }) => {
    setSent(value.replace(/\s+/gu, ' ').trim());
    onSearch(value, how);
  };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTextEntry(event.target)) return;
      event.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  useEffect(() => {
    if (draft === shownQuery) return;
    const timer = window.setTimeout(() => {
      setSent(draft.replace(/\s+/gu, ' ').trim());
      onSearch(draft, { commit: false });
    }, TYPING_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [draft, shownQuery, onSearch]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(draft, { commit: true });
  };

  return (
    <search className="search-box">
      <form role="search" onSubmit={submit} aria-busy={busy}>
        <input
          ref={inputRef}
          type="search"
          name="q"
          value={draft}
          aria-label={label}
          aria-describedby={hintId}
          placeholder={placeholder}
          autoComplete="off"
          enterKeyHint="search"
          spellCheck={false}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && draft !== '') {
              event.preventDefault();
              setDraft('');
              send('', { commit: true });
            }
          }}
        />
        <button type="submit" className="button">
          {submitLabel}
        </button>
        {draft !== '' && (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              setDraft('');
              send('', { commit: true });
              inputRef.current?.focus();
            }}
          >
            {clearLabel}
          </button>
        )}
      </form>
      <p id={hintId} className="search-box__hint">
        {hint}
      </p>
    </search>
  );
}
