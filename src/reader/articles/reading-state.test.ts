import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  exportReadingState,
  filterRowsByState,
  mergeReadingState,
  parseReadingStateExport,
  READ_FLAG,
  ReadingStateImportError,
  STARRED_FLAG,
  withRead,
  withStar,
  type ArticleReadingState,
} from './reading-state';
import { createReadingStore, memoryStorage } from './reading-store';

const NOW = Date.UTC(2024, 4, 1, 8, 30);

const timeArbitrary = fc.option(fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }), {
  nil: null,
});
const statesArbitrary = fc
  .uniqueArray(fc.stringMatching(/^[0-9a-f]{12}$/u), { maxLength: 30 })
  .chain((ids) =>
    fc.tuple(
      ...ids.map((id) =>
        fc.record({ id: fc.constant(id), read: timeArbitrary, starred: timeArbitrary }),
      ),
    ),
  )
  .map((records) => new Map(records.map((record) => [record.id, record as ArticleReadingState])));

describe('withRead and withStar', () => {
  it('mark and unmark, keeping the first time and the other flag', () => {
    const read = withRead(undefined, 'aaaaaaaaaaaa', true, NOW);
    expect(read).toEqual({ id: 'aaaaaaaaaaaa', read: NOW, starred: null });
    expect(withRead(read, 'aaaaaaaaaaaa', true, NOW + 5).read).toBe(NOW);
    const starred = withStar(read, 'aaaaaaaaaaaa', true, NOW + 1);
    expect(starred).toEqual({ id: 'aaaaaaaaaaaa', read: NOW, starred: NOW + 1 });
    expect(withRead(starred, 'aaaaaaaaaaaa', false, NOW)).toEqual({
      id: 'aaaaaaaaaaaa',
      read: null,
      starred: NOW + 1,
    });
    expect(withStar(starred, 'aaaaaaaaaaaa', false, NOW).starred).toBeNull();
  });
});

describe('filterRowsByState', () => {
  const rows = Uint32Array.from([3, 0, 2, 1]);
  const flags = Uint8Array.from([READ_FLAG, STARRED_FLAG, READ_FLAG | STARRED_FLAG, 0]);
  it('keeps the unread or the starred rows in their order', () => {
    expect([...filterRowsByState(rows, flags, 'unread')]).toEqual([3, 1]);
    expect([...filterRowsByState(rows, flags, 'starred')]).toEqual([2, 1]);
    expect(filterRowsByState(rows, flags, null)).toBe(rows);
  });
});

describe('export and import', () => {
  it('round-trips every non-empty record through the file', () => {
    fc.assert(
      fc.property(statesArbitrary, (states) => {
        const text = JSON.stringify(exportReadingState(states, NOW));
        const imported = parseReadingStateExport(text);
        const expected = [...states.values()]
          .filter((state) => state.read !== null || state.starred !== null)
          .sort((a, b) => (a.id < b.id ? -1 : 1));
        expect(imported).toEqual(expected);
      }),
    );
  });

  it('restores the state into an empty store, and changes nothing when imported again', () => {
    fc.assert(
      fc.property(statesArbitrary, (states) => {
        const imported = parseReadingStateExport(JSON.stringify(exportReadingState(states, NOW)));
        const restored = new Map(mergeReadingState(new Map(), imported).map((r) => [r.id, r]));
        expect(mergeReadingState(restored, imported)).toEqual([]);
        expect(exportReadingState(restored, NOW)).toEqual(exportReadingState(states, NOW));
      }),
    );
  });

  it('merges: read or starred on either side stays so, with the earlier time', () => {
    const current = new Map([
      ['aaaaaaaaaaaa', { id: 'aaaaaaaaaaaa', read: NOW, starred: null }],
      ['bbbbbbbbbbbb', { id: 'bbbbbbbbbbbb', read: null, starred: NOW }],
    ]);
    const changed = mergeReadingState(current, [
      { id: 'aaaaaaaaaaaa', read: NOW - 10, starred: NOW },
      { id: 'bbbbbbbbbbbb', read: null, starred: NOW + 10 },
      { id: 'cccccccccccc', read: NOW, starred: null },
    ]);
    expect(changed).toEqual([
      { id: 'aaaaaaaaaaaa', read: NOW - 10, starred: NOW },
      { id: 'cccccccccccc', read: NOW, starred: null },
    ]);
  });

  it('refuses a file that is not an export, saying where', () => {
    expect(() => parseReadingStateExport('{')).toThrow(ReadingStateImportError);
    expect(() => parseReadingStateExport('{"format":"other"}')).toThrow(/format/u);
    const file = exportReadingState(new Map(), NOW);
    expect(() => parseReadingStateExport(JSON.stringify({ ...file, version: 2 }))).toThrow(
      /version/u,
    );
    expect(() =>
      parseReadingStateExport(
        JSON.stringify({ ...file, articles: [{ id: 'x', read: null, starred: null }] }),
      ),
    ).toThrow(/articles\.0\.id/u);
  });
});

describe('createReadingStore', () => {
  it('loads the stored records and writes changes through', async () => {
    const storage = memoryStorage([{ id: 'aaaaaaaaaaaa', read: NOW, starred: null }]);
    const store = createReadingStore(storage);
    await store.ready;
    expect(store.states().get('aaaaaaaaaaaa')?.read).toBe(NOW);
    let notified = 0;
    store.subscribe(() => (notified += 1));
    store.apply([
      { id: 'aaaaaaaaaaaa', read: null, starred: null },
      { id: 'bbbbbbbbbbbb', read: null, starred: NOW },
    ]);
    expect(notified).toBe(1);
    expect([...store.states().keys()]).toEqual(['bbbbbbbbbbbb']);
    const reopened = createReadingStore(storage);
    await reopened.ready;
    expect([...reopened.states().values()]).toEqual([
      { id: 'bbbbbbbbbbbb', read: null, starred: NOW },
    ]);
  });

  it('keeps a change made before the stored records loaded', async () => {
    const store = createReadingStore(
      memoryStorage([{ id: 'aaaaaaaaaaaa', read: NOW, starred: null }]),
    );
    store.apply([{ id: 'aaaaaaaaaaaa', read: NOW, starred: NOW + 1 }]);
    await store.ready;
    expect(store.states().get('aaaaaaaaaaaa')).toEqual({
      id: 'aaaaaaaaaaaa',
      read: NOW,
      starred: NOW + 1,
    });
  });

  it('works for the session when the storage cannot load', async () => {
    const store = createReadingStore({
      loadAll: () => Promise.reject(new Error('blocked')),
      save: () => Promise.reject(new Error('blocked')),
    });
    await store.ready;
    store.apply([{ id: 'aaaaaaaaaaaa', read: NOW, starred: null }]);
    expect(store.states().size).toBe(1);
  });
});
