import type { FormatParser, IngestWarning } from '../model';
import { escapeHtml } from './escape';

/** A first line longer than this is the article's opening paragraph, not its title. */
const MAX_TITLE_LENGTH = 100;

/** Forum and pagination trailers archived along with the post (`页:` / `[1]`, `页: [1] 2`). */
const TRAILER =
  /^(?:页[:：]\s*(?:\[?\d+\]?\s*)*|\[\d+\](?:\s*\d+)*|上一页.*|下一页.*|返回列表|本帖最后由.*编辑)$/u;

/** Lines that are code pasted with the text: ad loaders, inline scripts, CSS. */
const CODE_LINE =
  /^(?:<\/?(?:script|style)\b.*|(?:var|let|const)\s+[\w$]+\s*=.*|function\s*[\w$]*\s*\(.*|\}?\)?\(?function\s*\(.*|[\w$.[\]'"]+\s*=\s*[^。，！？]*;|[\w$.]+\([^)]*\);?|[{}()[\];,]+|[.#]?[\w-]+\s*\{.*|\}\)\(\);?|\/\/.*|\/\*.*\*\/)$/u;

const BYLINE = /^(来源|作者|记者|编辑|责任编辑|责编)\s*[:：\s]\s*(\S.{0,40})$/u;

function trimLine(line: string): string {
  // Full-width spaces (U+3000) indent Chinese paragraphs.
  return line.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '');
}

function titleFromFileName(relPath: string): string {
  const name = relPath.split('/').pop() ?? relPath;
  return name.replace(/\.[^.]+$/, '');
}

/**
 * Plain text: the first non-empty line is the title; the rest, one paragraph per line. Bylines
 * right under the title become the author and source; trailing forum boilerplate and lines of
 * pasted code are dropped, each with a warning so the owner can see what was left out.
 */
export const plainTextArticle: FormatParser = {
  name: 'plain-text',
  claims: (file) => /\.(?:txt|text)$/i.test(file.relPath),
  parse(file) {
    const warnings: IngestWarning[] = [];
    const lines = file.text
      .split('\n')
      .map((text, index) => ({ text: trimLine(text), line: index + 1 }));
    const content = lines.filter(({ text }) => text !== '');
    if (content.length === 0) return { ok: false, reason: 'empty file (no text)' };

    let title: string | null = content[0]!.text;
    let rest = content.slice(1);
    if ([...title].length > MAX_TITLE_LENGTH || content.length === 1) {
      title = titleFromFileName(file.relPath);
      rest = content;
      warnings.push({
        message: 'first line is not a usable title; title taken from the file name',
        line: content[0]!.line,
      });
    }

    while (rest.length > 0 && TRAILER.test(rest[rest.length - 1]!.text)) {
      const dropped = rest.pop()!;
      warnings.push({ message: `dropped forum trailer "${dropped.text}"`, line: dropped.line });
    }

    let author: string | null = null;
    let source: string | null = null;
    while (rest.length > 0) {
      const byline = BYLINE.exec(rest[0]!.text);
      if (!byline) break;
      if (byline[1] === '来源') source ??= byline[2]!;
      else if (byline[1] === '作者' || byline[1] === '记者') author ??= byline[2]!;
      rest = rest.slice(1);
    }

    const paragraphs = rest.filter(({ text, line }) => {
      if (!CODE_LINE.test(text)) return true;
      warnings.push({ message: 'left out a line of code pasted into the text', line });
      return false;
    });

    return {
      ok: true,
      article: {
        title,
        source,
        categories: null,
        author,
        date: null,
        image: null,
        bodyHtml: paragraphs.map(({ text }) => `<p>${escapeHtml(text)}</p>`).join('\n'),
        warnings,
      },
    };
  },
};
