import { isEmptyState, type ArticleReadingState, type ReadingStates } from './reading-state';

/** Where the store keeps its records: IndexedDB in the browser, a map in tests. */
export interface ReadingStateStorage {
  loadAll(): Promise<ArticleReadingState[]>;
  /** Writes the records; an empty one (neither read nor starred) is deleted. */
  save(records: readonly ArticleReadingState[]): Promise<void>;
}

export interface ReadingStore {
  /** Settles once the stored records are in; until then the store is empty. */
  ready: Promise<void>;
  /** The records now; a new map after every change, so it can be compared by identity. */
  states(): ReadingStates;
  /** Applies the records (replacing each article's record) and writes them through. */
  apply(records: readonly ArticleReadingState[]): void;
  subscribe(listener: () => void): () => void;
}

/**
 * createReadingStore: the reader's read and starred records, in memory for synchronous reads,
 * written through to `storage`. A storage that fails to load leaves an empty store that still
 * works for the session: losing the memory of what was read must not stop reading.
 */
export function createReadingStore(storage: ReadingStateStorage): ReadingStore {
  let states: Map<string, ArticleReadingState> = new Map();
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  const replace = (records: readonly ArticleReadingState[]) => {
    const next = new Map(states);
    for (const record of records) {
      if (isEmptyState(record)) next.delete(record.id);
      else next.set(record.id, record);
    }
    states = next;
  };
  const ready = storage.loadAll().then(
    (records) => {
      // Changes made before the load finished are newer than what was stored.
      const early = [...states.values()];
      states = new Map();
      replace(records);
      replace(early);
      notify();
    },
    () => undefined,
  );
  return {
    ready,
    states: () => states,
    apply(records) {
      if (records.length === 0) return;
      replace(records);
      notify();
      void storage.save(records).catch(() => undefined);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** memoryStorage: a storage that forgets, for tests and for browsers without IndexedDB. */
export function memoryStorage(initial: readonly ArticleReadingState[] = []): ReadingStateStorage {
  const records = new Map(initial.map((record) => [record.id, record]));
  return {
    loadAll: () => Promise.resolve([...records.values()]),
    save: (changed) => {
      for (const record of changed) {
        if (isEmptyState(record)) records.delete(record.id);
        else records.set(record.id, record);
      }
      return Promise.resolve();
    },
  };
}

const DATABASE = 'chronicle-reading';
const STORE = 'articles';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/**
 * indexedDbStorage: one object store of records keyed by article id. IndexedDB, not localStorage:
 * a hundred thousand ids do not fit in localStorage's few megabytes.
 */
export function indexedDbStorage(factory: IDBFactory): ReadingStateStorage {
  const open = factory.open(DATABASE, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: 'id' });
  const database = request(open);
  return {
    loadAll: async () => {
      const db = await database;
      return request(db.transaction(STORE).objectStore(STORE).getAll()) as Promise<
        ArticleReadingState[]
      >;
    },
    save: async (records) => {
      const db = await database;
      const transaction = db.transaction(STORE, 'readwrite');
      const store = transaction.objectStore(STORE);
      for (const record of records) {
        if (isEmptyState(record)) store.delete(record.id);
        else store.put(record);
      }
      await new Promise<void>((resolve, reject) => {
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
        transaction.onabort = () => reject(transaction.error);
      });
    },
  };
}
