import { parse as parseYaml } from 'yaml';

/**
 * Converts one article file of a corpus into a Hugo content file with the same title, date,
 * categories and HTML body, so Hugo builds the articles Chronicle's ingest reads. Only what the
 * synthetic corpus writes is read: front matter + HTML (`.md`), and plain text (`.txt`, a title
 * line and a `来源：` line before the first blank line). See docs/benchmark.md.
 */

/** The front matter the Hugo page gets, written as JSON (which Hugo reads as front matter). */
export interface HugoFrontMatter {
  title: string;
  /** ISO 8601 in UTC; absent when the article has no date Hugo can use. */
  date?: string;
  categories: string[];
  /** The year of the date, for the yearly archive (a taxonomy of its own). */
  years?: string[];
}

export interface HugoPage {
  frontMatter: HugoFrontMatter;
  /** The body as HTML: the article's own HTML, or one paragraph a line for plain text. */
  html: string;
}

/** The zone-less `YYYY-MM-DD HH:MM:SS` the archivers write; ingest reads it as UTC by default. */
const ZONELESS = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)$/;

/** readDate: a front-matter date as an ISO instant, or null when it is none. */
export function readDate(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value).trim();
  const zoneless = ZONELESS.exec(text);
  const ms = zoneless ? Date.parse(`${zoneless[1]}T${zoneless[2]}Z`) : Date.parse(text);
  return Number.isFinite(ms) ? new Date(ms).toISOString().replace('.000Z', 'Z') : null;
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);

function withDate(frontMatter: HugoFrontMatter, date: string | null): HugoFrontMatter {
  return date === null ? frontMatter : { ...frontMatter, date, years: [date.slice(0, 4)] };
}

const FRONT_MATTER = /^\s*---[^\n]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

function convertFrontMatterArticle(text: string, fallbackTitle: string): HugoPage {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { frontMatter: { title: fallbackTitle, categories: [] }, html: text };
  const fields = (parseYaml(match[1]!) ?? {}) as Record<string, unknown>;
  const categories = Array.isArray(fields.categories)
    ? fields.categories.map(String)
    : typeof fields.categories === 'string'
      ? [fields.categories]
      : [];
  const title =
    typeof fields.title === 'string' || typeof fields.title === 'number'
      ? String(fields.title)
      : fallbackTitle;
  return {
    frontMatter: withDate({ title, categories }, readDate(fields.date)),
    html: text.slice(match[0].length).trim(),
  };
}

function convertPlainTextArticle(text: string, category: string | null): HugoPage {
  const blank = text.indexOf('\n\n');
  const header = (blank < 0 ? text : text.slice(0, blank)).split('\n');
  const body = blank < 0 ? '' : text.slice(blank + 2);
  const title = (header[0] ?? '').trim();
  const sourceLine = header.find((line) => line.startsWith('来源：'));
  const source = sourceLine === undefined ? null : sourceLine.slice('来源：'.length).trim();
  const paragraphs = body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => `<p>${escapeHtml(line)}</p>`);
  return {
    frontMatter: {
      title,
      categories: [source, category].filter((name): name is string => name !== null),
    },
    html: paragraphs.join('\n'),
  };
}

/** convertArticle: the Hugo page for one corpus file, given its path in the corpus. */
export function convertArticle(relPath: string, text: string): HugoPage {
  const segments = relPath.split('/');
  const fileName = segments.at(-1) ?? relPath;
  if (relPath.endsWith('.txt') && !/^\s*---/.test(text)) {
    return convertPlainTextArticle(text, segments.length > 2 ? segments.at(-2)! : null);
  }
  return convertFrontMatterArticle(text, fileName.replace(/\.[^.]+$/, ''));
}

/** hugoFileText: the content file: JSON front matter, a blank line, the HTML body. */
export function hugoFileText(page: HugoPage): string {
  return `${JSON.stringify(page.frontMatter)}\n\n${page.html}\n`;
}

/** Posts per folder of the converted content, so no folder holds a million files. */
export const POSTS_PER_FOLDER = 1_000;

/** hugoContentPath: where post `position` (0-based, in corpus order) goes under content/. */
export function hugoContentPath(position: number): string {
  const folder = String(Math.floor(position / POSTS_PER_FOLDER)).padStart(4, '0');
  return `posts/${folder}/${String(position).padStart(7, '0')}.html`;
}
