/** Characters a minute for Chinese and Japanese text, words a minute for the rest. */
const CJK_CHARS_PER_MINUTE = 400;
const WORDS_PER_MINUTE = 220;

const CJK_CHARS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
const WORD = /[\p{L}\p{N}]+/gu;
const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

function codePointLength(text: string): number {
  return text.length - (text.match(SURROGATE_PAIR)?.length ?? 0);
}

/** countCharacters: the article's length in characters (code points), whitespace collapsed. */
export function countCharacters(text: string): number {
  return codePointLength(text.replace(/\s+/g, ' ').trim());
}

/**
 * deriveReadingMinutes: CJK text is counted by characters, everything else by words, since a
 * Chinese "word" has no spaces to count by. At least one minute.
 */
export function deriveReadingMinutes(text: string): number {
  let cjkCount = 0;
  const rest = text.replace(CJK_CHARS, (run) => {
    cjkCount += codePointLength(run);
    return ' ';
  });
  const wordCount = rest.match(WORD)?.length ?? 0;
  return Math.max(1, Math.round(cjkCount / CJK_CHARS_PER_MINUTE + wordCount / WORDS_PER_MINUTE));
}
