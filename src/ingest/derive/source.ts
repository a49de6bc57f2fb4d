/** The source used when nothing in or around the file names one. */
export const UNKNOWN_SOURCE = 'Unknown';

function text(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const trimmed = String(value).replace(/\s+/gu, ' ').trim();
  return trimmed === '' ? null : trimmed;
}

const CATEGORY_DECORATION = new Set(['-', '–', '—', '_', '·', '|', '/', ' ']);

/** Category names lose the dashes and bars archivers put around them (`— news` → `news`). */
function categoryName(value: unknown): string | null {
  const name = text(value);
  if (name === null) return null;
  let start = 0;
  let end = name.length;
  while (start < end && CATEGORY_DECORATION.has(name[start]!)) start += 1;
  while (end > start && CATEGORY_DECORATION.has(name[end - 1]!)) end -= 1;
  return text(name.slice(start, end));
}

/**
 * readCategories: `categories` as a list. A single name written as text is a list of one, as in
 * Hexo; a nested list (`- [a, b, c]`, Hexo's hierarchy) is read as that hierarchy.
 */
export function readCategories(categories: unknown): unknown[] {
  if (typeof categories === 'string' || typeof categories === 'number') return [categories];
  if (!Array.isArray(categories)) return [];
  if (categories.length === 1 && Array.isArray(categories[0])) return categories[0] as unknown[];
  return categories;
}

export interface SourceEvidence {
  source: unknown;
  categories: unknown;
  author: unknown;
  relPath: string;
}

/**
 * resolveSource, in the documented order: front-matter `source` → the archiver's
 * `categories[1]` → `author` → the first folder under the content root → "Unknown".
 */
export function resolveSource({ source, categories, author, relPath }: SourceEvidence): string {
  const segments = relPath.split('/');
  const firstFolder = segments.length > 1 ? text(segments[0]) : null;
  return (
    text(source) ??
    categoryName(readCategories(categories)[1]) ??
    resolveAuthor(author) ??
    firstFolder ??
    UNKNOWN_SOURCE
  );
}

/** resolveGroup: the archiver's `categories[0]`, the kind of source (新媒体, 游戏…), if any. */
export function resolveGroup(categories: unknown): string | null {
  return categoryName(readCategories(categories)[0]);
}

/** resolveChannel: the archiver's `categories[2]`, if any. */
export function resolveChannel(categories: unknown): string | null {
  return categoryName(readCategories(categories)[2]);
}

/** resolveAuthor: an author as text: the first name when a list of them is given. */
export function resolveAuthor(author: unknown): string | null {
  if (Array.isArray(author)) return author.map(text).find((name) => name !== null) ?? null;
  return text(author);
}
