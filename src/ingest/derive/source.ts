/** The source used when nothing in or around the file names one. */
export const UNKNOWN_SOURCE = 'Unknown';

function text(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const trimmed = String(value).replace(/\s+/gu, ' ').trim();
  return trimmed === '' ? null : trimmed;
}

export interface SourceEvidence {
  source: unknown;
  categories: unknown;
  author: unknown;
  relPath: string;
}

function categoryAt(categories: unknown, index: number): string | null {
  if (Array.isArray(categories)) return text(categories[index]);
  return null;
}

/**
 * resolveSource, in the documented order: front-matter `source` → the archiver's
 * `categories[1]` → `author` → the first folder under the content root → "Unknown".
 */
export function resolveSource({ source, categories, author, relPath }: SourceEvidence): string {
  const segments = relPath.split('/');
  const firstFolder = segments.length > 1 ? text(segments[0]) : null;
  return text(source) ?? categoryAt(categories, 1) ?? text(author) ?? firstFolder ?? UNKNOWN_SOURCE;
}

/** resolveChannel: the archiver's `categories[2]`, if any. */
export function resolveChannel(categories: unknown): string | null {
  return categoryAt(categories, 2);
}

/** resolveAuthor: the front-matter author as text, if any. */
export function resolveAuthor(author: unknown): string | null {
  return text(author);
}
