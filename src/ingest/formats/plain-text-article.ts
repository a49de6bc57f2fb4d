import type { FormatParser, IngestWarning } from '../model';
import { escapeHtml } from './escape';
import { findPastedCode } from './pasted-code';

/** A first line longer than this is the article's opening paragraph, not its title. */
const MAX_TITLE_LENGTH = 100;

/** Bylines are looked for in this many lines under the title. */
const BYLINE_WINDOW = 3;

/** Forum and pagination trailers archived along with the post (`页:` / `[1]`, `页: [1] 2`). */
const TRAILER =
  /^(?:页[:：]\s*(?:(?:\[\d+\]|\d+)(?:\s+|$))*|\[\d+\](?:\s+\d+)*|上一页.*|下一页.*|返回列表|返回顶部)$/u;

/** Forum software's own lines, wherever they appear: edit notes, print-view headers. */
const FORUM_BOILERPLATE = /^(?:本帖最后由.{1,40}编辑|查看完整版本[:：].*|\[打印本页\])$/u;

/**
 * A post header in a forum thread: `楼主 军迷老周 发表于 2021-7-29 10:12`, `2# 某人 发表于 …`,
 * or the print view's `作者: 某人 时间: 2021-7-29 10:12`. Its time is when the post was made,
 * never the article's date.
 */
const POST_HEADER =
  /^(?:(?:(?:楼主|沙发|板凳|地板|\d+\s*[#楼])\s*)?(\S.{0,30}?)\s*发表于\s*[:：]?|作者[:：]\s*(\S.{0,30}?)\s+时间[:：])\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/u;

const CREDIT_KEY = String.raw`[【[]?((?:稿件|文章|新闻|消息)?来源|作者|记者)[】\]]?\s*[:：|\s]\s*`;
/** A line of credits under the title: `来源：北京晨报`, `记者 王某`, `来源 某报 作者 某人`. */
const BYLINE = new RegExp(`^${CREDIT_KEY}[^\\s。！？；]`, 'u');
const BYLINE_FIELD = new RegExp(`${CREDIT_KEY}(.+?)(?=\\s+${CREDIT_KEY}|$)`, 'gu');
/** `By Jane Doe` or `By Jane Doe, The Outlet` under an English title. */
const ENGLISH_BYLINE = /^By\s+([A-Z][\p{L}.'-]*(?:\s+[A-Z][\p{L}.'-]*){0,3})(?:,\s*(.{1,60}))?$/u;
const ROLE = /\b(?:writer|correspondent|editor|reporter|staff|contributor)s?\b/i;

/** readByline: the source and author a credits line names, or null when it is not one. */
export function readByline(text: string): { source?: string; author?: string } | null {
  const english = ENGLISH_BYLINE.exec(text);
  if (english) {
    const outlet = english[2]?.trim();
    return {
      author: english[1]!,
      ...(outlet && !ROLE.test(outlet) ? { source: outlet } : {}),
    };
  }
  if ([...text].length > 60 || !BYLINE.test(text) || /[。！？；]/u.test(text)) return null;
  const credits: { source?: string; author?: string } = {};
  for (const [, key, value] of text.matchAll(BYLINE_FIELD)) {
    const name = value!.trim();
    if (key!.endsWith('来源')) credits.source ??= name;
    else credits.author ??= name;
  }
  return credits;
}

const SENTENCE_END = /[。！？!?.…”"]$/u;

/** `【作者】 泠汐`, `【驻京记者】…`: credits at the end of the text. */
const CLOSING_CREDIT = /^【[^】]{0,6}(?:作者|记者)】\s*([^\s。！？；].{0,29})$/u;

interface Line {
  text: string;
  /** 1-based line in the file. */
  line: number;
}

function titleFromFileName(relPath: string): string {
  const name = relPath.split('/').pop() ?? relPath;
  return name.replace(/\.[^.]+$/, '');
}

function isUsableTitle(text: string): boolean {
  return [...text].length <= MAX_TITLE_LENGTH && /[\p{L}\p{N}]/u.test(text);
}

function leaveOutCode(content: Line[], warnings: IngestWarning[]): Line[] {
  const isCode = findPastedCode(content.map(({ text }) => text));
  let run: Line[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const first = run[0]!.line;
    const last = run[run.length - 1]!.line;
    warnings.push({
      message:
        run.length === 1
          ? 'left out a line of code pasted into the text'
          : `left out ${run.length} lines of code pasted into the text (lines ${first}–${last})`,
      line: first,
    });
    run = [];
  };
  const kept: Line[] = [];
  content.forEach((line, index) => {
    if (isCode[index]) {
      run.push(line);
    } else {
      flush();
      kept.push(line);
    }
  });
  flush();
  return kept;
}

function sameText(a: string, b: string): boolean {
  const normalize = (text: string) => text.normalize('NFKC').replace(/\s+/gu, ' ').trim();
  return normalize(a) === normalize(b);
}

/**
 * Plain text: the first non-empty line is the title (indentation removed); the rest, one
 * paragraph per line. Decisions, each reported as a warning where text is left out:
 * - lines of pasted code (ad loaders, inline CSS) are left out, whole blocks at a time;
 * - `来源` / `作者` / `记者` lines right under the title become the source and author;
 * - a first paragraph that repeats the title is dropped;
 * - trailing forum pagination (`页:` / `[1]`) is dropped; `（完）` is the text's own end mark and
 *   stays, as do closing credits such as `【作者】…` (which also give the author);
 * - in forum reposts, the first post's header gives the author and is dropped; reply headers
 *   stay as the replies' bylines. Their times are never the article's date.
 */
export const plainTextArticle: FormatParser = {
  name: 'plain-text',
  claims: (file) => /\.(?:txt|text)$/i.test(file.relPath),
  parse(file) {
    const warnings: IngestWarning[] = [];
    const content = file.text
      .split('\n')
      // trim() also removes the full-width spaces (U+3000) that indent Chinese paragraphs.
      .map((text, index) => ({ text: text.trim(), line: index + 1 }))
      .filter(({ text }) => text !== '');
    if (content.length === 0) return { ok: false, reason: 'empty file (no text)' };

    let rest = leaveOutCode(content, warnings);
    if (rest.length === 0) return { ok: false, reason: 'no text besides pasted code' };

    let title = rest[0]!.text;
    if (isUsableTitle(title) && rest.length > 1) {
      rest = rest.slice(1);
    } else {
      title = titleFromFileName(file.relPath);
      warnings.push({
        message: 'first line is not a usable title; title taken from the file name',
        line: rest[0]!.line,
      });
    }

    while (rest.length > 0 && TRAILER.test(rest[rest.length - 1]!.text)) {
      const dropped = rest.pop()!;
      warnings.push({ message: `dropped forum trailer "${dropped.text}"`, line: dropped.line });
    }
    rest = rest.filter(({ text, line }) => {
      if (!FORUM_BOILERPLATE.test(text)) return true;
      warnings.push({ message: `dropped forum boilerplate "${text}"`, line });
      return false;
    });

    let source: string | null = null;
    let byline: string | null = null;
    const head = rest.slice(0, BYLINE_WINDOW);
    const consumed = new Set<Line>();
    for (const line of head) {
      const credits = readByline(line.text);
      const post = POST_HEADER.exec(line.text);
      if (credits) {
        source ??= credits.source ?? null;
        byline ??= credits.author ?? null;
        consumed.add(line);
      } else if (post && consumed.size === head.indexOf(line)) {
        // The thread's first post: its author posted the article; its time is not the article's.
        byline ??= (post[1] ?? post[2])!.trim();
        consumed.add(line);
      } else if (SENTENCE_END.test(line.text)) {
        // The article has begun: credits further down are its own closing lines.
        break;
      }
    }
    rest = rest.filter((line) => !consumed.has(line));
    if (rest.length > 1 && sameText(rest[0]!.text, title)) {
      warnings.push({
        message: 'dropped a first paragraph that repeats the title',
        line: rest[0]!.line,
      });
      rest = rest.slice(1);
    }
    for (const { text } of rest.slice(-6)) {
      const credit = CLOSING_CREDIT.exec(text);
      if (credit) byline ??= credit[1]!.trim();
    }

    return {
      ok: true,
      article: {
        title,
        source,
        categories: null,
        author: null,
        byline,
        date: null,
        image: null,
        originalUrl: {},
        bodyHtml: rest
          .map(({ text }) =>
            POST_HEADER.test(text)
              ? `<p><strong>${escapeHtml(text)}</strong></p>`
              : `<p>${escapeHtml(text)}</p>`,
          )
          .join('\n'),
        warnings,
      },
    };
  },
};
