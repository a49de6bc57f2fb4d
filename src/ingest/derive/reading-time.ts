/** Characters a minute for Chinese and Japanese text, words a minute for the rest. */
const CJK_CHARS_PER_MINUTE = 400;
const WORDS_PER_MINUTE = 220;

const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/** countCharacters: the article's length in characters (code points), whitespace collapsed. */
export function countCharacters(text: string): number {
  return [...text.replace(/\s+/g, ' ').trim()].length;
}

/**
 * deriveReadingMinutes: CJK text is counted by characters, everything else by words, since a
 * Chinese "word" has no spaces to count by. At least one minute.
 */
export function deriveReadingMinutes(text: string): number {
  const cjkCount = text.match(CJK_CHAR)?.length ?? 0;
  const wordCount = text.replace(CJK_CHAR, ' ').match(WORD)?.length ?? 0;
  return Math.max(1, Math.round(cjkCount / CJK_CHARS_PER_MINUTE + wordCount / WORDS_PER_MINUTE));
}
