/**
 * Front-matter keys archivers and static-site generators use for the article's address on the web,
 * in the order they are tried.
 */
export const ORIGINAL_URL_FIELDS = [
  'link',
  'url',
  'original',
  'source_url',
  'originalUrl',
  'permalink',
] as const;

export type OriginalUrlField = (typeof ORIGINAL_URL_FIELDS)[number];

/**
 * Keys whose value without a scheme is the static site's own path (Hugo's `url: /about/`,
 * Hexo's `permalink`), not a broken original link, so it is skipped without a warning.
 */
const SITE_PATH_FIELDS = new Set<OriginalUrlField>(['url', 'permalink']);

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function asHttpUrl(value: string): string | null {
  if (!/^https?:\/\//i.test(value)) return null;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
      ? url.href
      : null;
  } catch {
    return null;
  }
}

export interface OriginalUrl {
  url: string | null;
  /** The first value that could not be used, when no field gave a usable URL. */
  rejected: { field: OriginalUrlField; value: string } | null;
}

/**
 * resolveOriginalUrl: the first field in ORIGINAL_URL_FIELDS order holding an absolute http(s)
 * URL, normalized by the URL parser. Other schemes (`javascript:`, `file:`) and malformed URLs are
 * rejected so the caller can warn; empty values, non-text values and site paths are passed over.
 */
export function resolveOriginalUrl(
  fields: Partial<Record<OriginalUrlField, unknown>>,
): OriginalUrl {
  let rejected: OriginalUrl['rejected'] = null;
  for (const field of ORIGINAL_URL_FIELDS) {
    const raw = fields[field];
    if (typeof raw !== 'string') continue;
    const value = raw.trim();
    if (value === '') continue;
    const url = asHttpUrl(value);
    if (url !== null) return { url, rejected: null };
    if (SITE_PATH_FIELDS.has(field) && !SCHEME.test(value)) continue;
    rejected ??= { field, value };
  }
  return { url: null, rejected };
}
