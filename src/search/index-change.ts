import type { IndexChange, SearchDocument } from './index-state';

/** A document of the new list: its id, and whether its text is the same as when last indexed. */
export interface ListedDocument {
  id: string;
  unchanged: boolean;
}

/**
 * indexChange: the change from the documents last indexed (their ids, by row) to `current` (by
 * row), for SearchIndexState.update. A document keeps its postings when its id was indexed, its
 * text is unchanged and it keeps its order relative to the documents kept before it; every other
 * document of `current` is indexed again, read through `documentAt(row)` only then. An unchanged
 * document that moved back past others (its date edited, say) is re-read: rows keep their order.
 */
export function indexChange(
  previousIds: readonly string[],
  current: readonly ListedDocument[],
  documentAt: (row: number) => SearchDocument,
): IndexChange {
  const previousRow = new Map<string, number>();
  previousIds.forEach((id, row) => previousRow.set(id, row));
  const rowMap = new Int32Array(previousIds.length).fill(-1);
  const added: { row: number; document: SearchDocument }[] = [];
  let lastKept = -1;
  current.forEach(({ id, unchanged }, row) => {
    const old = previousRow.get(id);
    if (unchanged && old !== undefined && old > lastKept && rowMap[old] === -1) {
      rowMap[old] = row;
      lastKept = old;
    } else {
      added.push({ row, document: documentAt(row) });
    }
  });
  return { rowMap, added };
}
