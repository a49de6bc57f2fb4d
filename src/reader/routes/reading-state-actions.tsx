import { useRef, useState } from 'react';
import { exportReadingState, parseReadingStateExport } from '../articles/reading-state';
import type { ArticleReadingState } from '../articles/reading-state';
import { useArchive } from '../articles/use-archive';
import {
  readingStatesNow,
  restoreReadingStates,
  setArticlesRead,
  useIdsOfRows,
  useImportReadingState,
} from '../articles/use-reading-state';
import { useI18n } from '../i18n/i18n';

/**
 * MarkAllRead: marks every article of the view (its filters and search) read, with an undo that
 * puts back each article's state as it was.
 */
export function MarkAllRead({ rows }: { rows: Uint32Array }) {
  const { t } = useI18n();
  const { manifest } = useArchive();
  const idsOfRows = useIdsOfRows(manifest);
  const [done, setDone] = useState<{ count: number; before: ArticleReadingState[] } | null>(null);
  const [undone, setUndone] = useState(false);
  return (
    <div className="mark-all">
      <button
        type="button"
        className="button"
        disabled={rows.length === 0}
        onClick={async () => {
          const ids = await idsOfRows(rows);
          setUndone(false);
          setDone({ count: ids.length, before: setArticlesRead(ids, true) });
        }}
      >
        {t.markAllRead}
      </button>
      <span role="status">
        {done && (
          <>
            {t.markedAllRead(done.count)}{' '}
            <button
              type="button"
              className="button button--quiet"
              onClick={() => {
                restoreReadingStates(done.before);
                setDone(null);
                setUndone(true);
              }}
            >
              {t.undo}
            </button>
          </>
        )}
        {undone && t.undone}
      </span>
    </div>
  );
}

/** ReadingStateTransfer: export the read and starred state as a file, and import one. */
export function ReadingStateTransfer() {
  const { t } = useI18n();
  const { manifest } = useArchive();
  const importState = useImportReadingState(manifest);
  const [outcome, setOutcome] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  return (
    <details className="reading-transfer">
      <summary>
        {t.exportState} / {t.importState}
      </summary>
      <p>
        <button
          type="button"
          className="button"
          onClick={async () => {
            const file = exportReadingState(await readingStatesNow(), Date.now());
            const url = URL.createObjectURL(
              new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }),
            );
            const link = document.createElement('a');
            link.href = url;
            link.download = `chronicle-reading-state-${file.exportedAt.slice(0, 10)}.json`;
            link.click();
            URL.revokeObjectURL(url);
          }}
        >
          {t.exportState}
        </button>
      </p>
      <p>
        <label>
          {t.importState}{' '}
          <input
            ref={fileRef}
            type="file"
            accept="application/json,.json"
            onChange={async (event) => {
              const file = event.target.files?.[0];
              if (!file) return;
              try {
                const { matched, changed, unknown } = await importState(
                  parseReadingStateExport(await file.text()),
                );
                setOutcome(t.importOutcome(matched, changed, unknown));
              } catch (error) {
                setOutcome(t.importFailed(error instanceof Error ? error.message : String(error)));
              }
              if (fileRef.current) fileRef.current.value = '';
            }}
          />
        </label>
      </p>
      <p role="status">{outcome}</p>
    </details>
  );
}
