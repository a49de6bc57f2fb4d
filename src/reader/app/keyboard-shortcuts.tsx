import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { createKeymap, KEY_HELP } from '../articles/keymap';
import { useI18n } from '../i18n/i18n';
import { shortcutHandler } from '../routes/shortcuts';

function KeyHelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={dialogRef}
      className="key-help"
      aria-labelledby="key-help-heading"
      onClose={onClose}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog itself.
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <h2 id="key-help-heading">{t.keyboardShortcuts}</h2>
      <dl className="key-help__list">
        {KEY_HELP.map(({ keys, action }) => (
          <div key={action}>
            <dt>
              {keys.map((key, index) => (
                <span key={key}>
                  {index > 0 && ` ${keys[0] === 'g' ? t.keyThen : '/'} `}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </dt>
            <dd>{t.keyActions[action]}</dd>
          </div>
        ))}
      </dl>
      <button type="button" className="button" onClick={onClose}>
        {t.close}
      </button>
    </dialog>
  );
}

const SEARCH_FIELD = 'input[type="search"]';

/**
 * KeyboardShortcuts: reads every key press on the page through the keymap and hands the action to
 * the view on screen; the jumps between views, search and the help dialog are answered here.
 */
export function KeyboardShortcuts({ listSearch }: { listSearch: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [helpOpen, setHelpOpen] = useState(false);
  const listSearchRef = useRef(listSearch);
  useEffect(() => {
    listSearchRef.current = listSearch;
  });
  useEffect(() => {
    const keymap = createKeymap();
    const onKeyDown = (event: KeyboardEvent) => {
      // An open dialog (this help) has the keyboard to itself.
      if (document.querySelector('dialog[open]')) return;
      const action = keymap.read(event);
      if (action === null) return;
      const handler = shortcutHandler(action);
      if (handler) {
        event.preventDefault();
        handler();
        return;
      }
      if (action === 'help') {
        event.preventDefault();
        setHelpOpen(true);
      } else if (action === 'goList') {
        void navigate({ pathname: '/', search: listSearchRef.current });
      } else if (action === 'goTimeline') {
        void navigate({ pathname: '/timeline', search: listSearchRef.current });
      } else if (action === 'goStarred') {
        void navigate({ pathname: '/', search: 'state=starred' });
      } else if (action === 'search' && !document.querySelector(SEARCH_FIELD)) {
        // Views without a search field (an article) take the reader to the list's.
        event.preventDefault();
        void Promise.resolve(navigate({ pathname: '/', search: listSearchRef.current })).then(() =>
          document.querySelector<HTMLInputElement>(SEARCH_FIELD)?.focus(),
        );
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [navigate]);
  return (
    <>
      <button
        type="button"
        className="key-help-button"
        aria-label={t.showKeyboardShortcuts}
        title={t.showKeyboardShortcuts}
        onClick={() => setHelpOpen(true)}
      >
        ?
      </button>
      <KeyHelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </>
  );
}
