import { z } from 'zod';

/**
 * What the reader did with one article, kept in the browser by the article's id (stable across
 * rebuilds): when it was read and when it was starred, in epoch milliseconds, null for not.
 */
export interface ArticleReadingState {
  id: string;
  read: number | null;
  starred: number | null;
}

export type ReadingStates = ReadonlyMap<string, ArticleReadingState>;

/** The view filter the URL's `state` parameter names. */
export type ReadingStateFilter = 'unread' | 'starred';

/** Per-row flags, one byte per row of the archive. */
export const READ_FLAG = 1;
export const STARRED_FLAG = 2;

/** isEmptyState: a record that says nothing, kept by nobody. */
export const isEmptyState = (state: ArticleReadingState) =>
  state.read === null && state.starred === null;

/** withRead: the article's state read (at `now`, or kept if already read) or unread. */
export function withRead(
  current: ArticleReadingState | undefined,
  id: string,
  read: boolean,
  now: number,
): ArticleReadingState {
  return {
    id,
    read: read ? (current?.read ?? now) : null,
    starred: current?.starred ?? null,
  };
}

/** withStar: the article's state starred (at `now`, or kept if already starred) or unstarred. */
export function withStar(
  current: ArticleReadingState | undefined,
  id: string,
  starred: boolean,
  now: number,
): ArticleReadingState {
  return {
    id,
    read: current?.read ?? null,
    starred: starred ? (current?.starred ?? now) : null,
  };
}

/**
 * keepsRow: whether a row with these flags belongs in a view filtered by `filter` (null: all).
 */
export function keepsRow(flags: number, filter: ReadingStateFilter | null): boolean {
  if (filter === 'unread') return (flags & READ_FLAG) === 0;
  if (filter === 'starred') return (flags & STARRED_FLAG) !== 0;
  return true;
}

/** filterRowsByState: the rows, in their order, that the state filter keeps. */
export function filterRowsByState(
  rows: Uint32Array,
  flags: Uint8Array,
  filter: ReadingStateFilter | null,
): Uint32Array {
  if (filter === null) return rows;
  const kept = new Uint32Array(rows.length);
  let length = 0;
  for (const row of rows) if (keepsRow(flags[row] ?? 0, filter)) kept[length++] = row;
  return kept.slice(0, length);
}

/** The name an export file says it is, so an unrelated JSON file is refused by name. */
export const EXPORT_FORMAT = 'chronicle-reading-state';
export const EXPORT_VERSION = 1;

const IsoInstant = z.iso.datetime({ offset: true });

/**
 * The export file, version 1: `{ format, version, exportedAt, articles: [{ id, read, starred }] }`
 * with ISO 8601 instants, null for not read or not starred. Documented in docs/reading-state.md.
 */
const ReadingStateExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: IsoInstant,
  articles: z.array(
    z.object({
      id: z.string().regex(/^[0-9a-f]{12}$/u),
      read: IsoInstant.nullable(),
      starred: IsoInstant.nullable(),
    }),
  ),
});

export type ReadingStateExport = z.infer<typeof ReadingStateExportSchema>;

const toIso = (time: number | null) => (time === null ? null : new Date(time).toISOString());
const fromIso = (time: string | null) => (time === null ? null : Date.parse(time));

/** exportReadingState: every article the reader read or starred, by id, as the file's object. */
export function exportReadingState(states: ReadingStates, now: number): ReadingStateExport {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    articles: [...states.values()]
      .filter((state) => !isEmptyState(state))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map(({ id, read, starred }) => ({ id, read: toIso(read), starred: toIso(starred) })),
  };
}

export class ReadingStateImportError extends Error {
  override readonly name = 'ReadingStateImportError';
}

/** parseReadingStateExport: the records of an export file's text, or an error saying why not. */
export function parseReadingStateExport(text: string): ArticleReadingState[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ReadingStateImportError('not a JSON file');
  }
  const parsed = ReadingStateExportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ReadingStateImportError(`${issue.path.join('.') || 'file'}: ${issue.message}`);
  }
  return parsed.data.articles.map(({ id, read, starred }) => ({
    id,
    read: fromIso(read),
    starred: fromIso(starred),
  }));
}

/**
 * mergeReadingState: the imported records laid over the current ones: read or starred in either
 * is read or starred, keeping the earlier time. Returns only the records that changed.
 */
export function mergeReadingState(
  current: ReadingStates,
  imported: readonly ArticleReadingState[],
): ArticleReadingState[] {
  const earlier = (a: number | null, b: number | null) =>
    a === null ? b : b === null ? a : Math.min(a, b);
  const changed: ArticleReadingState[] = [];
  for (const record of imported) {
    const existing = current.get(record.id);
    const merged = {
      id: record.id,
      read: earlier(existing?.read ?? null, record.read),
      starred: earlier(existing?.starred ?? null, record.starred),
    };
    if (merged.read !== (existing?.read ?? null) || merged.starred !== (existing?.starred ?? null))
      changed.push(merged);
  }
  return changed;
}
