/** The source used when nothing in or around the file names one. */
export const UNKNOWN_SOURCE = 'Unknown';

/** A Markdown link, `[Naver](https://comic.naver.com)`: its text is the name, the URL is not. */
const MARKDOWN_LINK = /\[([^\]]+)\]\([^)]*\)/g;

function text(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const trimmed = String(value).replace(MARKDOWN_LINK, '$1').replace(/\s+/gu, ' ').trim();
  return trimmed === '' ? null : trimmed;
}

/** A photo credit (`被访者供图`, `新华社记者 王某 摄`, `图/视觉中国`): names no outlet. */
const PHOTO_CREDIT = /(?:供图|摄影?|配图)$|^(?:图片?|图源)\s*[:：/|｜]/u;
/**
 * A byline's mark before the person (`肆客足球 原创： beck辰`, `某公众号 文 | 某人`): what comes
 * before it may be the outlet; what follows is a person, never one.
 */
const PERSON_MARK = /\s*(?:原创|文|作者|撰文|记者|编辑|口述|整理)\s*[:：|｜]\s*\S.*$/u;

/**
 * How Chinese outlets' names end (报, 网, 社, 台, 体育…), three characters at least: `晚报` alone
 * is a kind of paper, not a name (`北京 晚报` stays as it is).
 */
const OUTLET_NAME = /^.+(?:报|网|社|台|体育|新闻|周刊|杂志|传媒|频道|在线)$/u;
/** A Chinese personal name as bylines write it: two to four Han characters. */
const PERSON_NAME = /^\p{Script=Han}{2,4}$/u;

/**
 * Without a mark, a byline may still be an outlet and a person side by side, in either order
 * (`泰山晚报 牛志明`, `秦云 星空体育`): the part that ends like an outlet's name is the outlet,
 * when the other is a personal name that does not.
 */
function outletBesidePerson(name: string): string {
  const parts = name.split(' ');
  if (parts.length !== 2) return name;
  const isOutlet = (part: string) => OUTLET_NAME.test(part) && [...part].length >= 3;
  const outlets = parts.filter(isOutlet);
  const people = parts.filter((part) => PERSON_NAME.test(part) && !isOutlet(part));
  return outlets.length === 1 && people.length === 1 ? outlets[0]! : name;
}

/**
 * outletName: the outlet a credit names, or null. A photo credit names none; a byline with a
 * person in it (`肆客足球 原创： beck辰`, `泰山晚报 牛志明`) names what is not the person, if anything.
 */
export function outletName(value: unknown): string | null {
  const name = text(value);
  if (name === null || PHOTO_CREDIT.test(name)) return null;
  const outlet = text(name.replace(PERSON_MARK, ''));
  return outlet === null ? null : outletBesidePerson(outlet);
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

/** Where an article's source name came from; the report counts them so a user can fix them. */
export const SOURCE_ORIGINS = [
  'source-field',
  'byline',
  'categories',
  'author-field',
  'folder',
  'unknown',
] as const;
export type SourceOrigin = (typeof SOURCE_ORIGINS)[number];

/**
 * resolveSource, in the documented order: front-matter `source` (for plain text, a `来源：`
 * byline) → the archiver's `categories[1]` → `author` → the first folder under the content root
 * → "Unknown". A credit that names a person or a photographer is not an outlet: it is skipped,
 * or cut to the outlet before the person (see outletName).
 */
export function resolveSource(
  { source, categories, author, relPath }: SourceEvidence,
  explicitOrigin: 'source-field' | 'byline' = 'source-field',
): { name: string; origin: SourceOrigin } {
  const segments = relPath.split('/');
  const candidates: [string | null, SourceOrigin][] = [
    [outletName(source), explicitOrigin],
    [categoryName(readCategories(categories)[1]), 'categories'],
    [outletName(resolveAuthor(author)), 'author-field'],
    [segments.length > 1 ? text(segments[0]) : null, 'folder'],
  ];
  for (const [name, origin] of candidates) if (name !== null) return { name, origin };
  return { name: UNKNOWN_SOURCE, origin: 'unknown' };
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
