const EXCERPT_LENGTH = 120;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * deriveExcerpt: about 120 characters of plain text, cut at a word boundary (CJK words come from
 * ICU's dictionary segmentation), never inside a surrogate pair, with an ellipsis when cut.
 */
export function deriveExcerpt(text: string, maxLength = EXCERPT_LENGTH): string {
  if ([...text].length <= maxLength) return text;
  let excerpt = '';
  let length = 0;
  for (const { segment } of segmenter.segment(text)) {
    const segmentLength = [...segment].length;
    if (length + segmentLength > maxLength) break;
    excerpt += segment;
    length += segmentLength;
  }
  if (excerpt.trim() === '') excerpt = [...text].slice(0, maxLength).join('');
  return `${excerpt.trimEnd().replace(/[，,、；;：:（(“"‘'「《\s]+$/u, '')}…`;
}

/**
 * textAfterRepeatedTitle: the article's text without an opening paragraph that repeats the title
 * (many archived bodies start with it), so an excerpt is never the title again. Paragraphs and
 * title come whitespace-collapsed; an article whose only paragraph is the title has no excerpt.
 */
export function textAfterRepeatedTitle(paragraphs: string[], title: string): string {
  return (paragraphs[0] === title ? paragraphs.slice(1) : paragraphs).join(' ');
}
