import type { ContentLanguage } from '../../manifest/schema';

/**
 * detectLanguage: the dominant script of the text decides its `lang`, which drives CJK font
 * selection and line breaking in the reader. Kana marks Japanese even among many Han characters.
 */
export function detectLanguage(text: string): ContentLanguage {
  // Deleting the other characters counts without an array of matches, which matters for long texts.
  const han = text.replace(/\P{Script=Han}+/gu, '').length;
  const kana = text.replace(/[^\p{Script=Hiragana}\p{Script=Katakana}]+/gu, '').length;
  const latin = text.replace(/\P{Script=Latin}+/gu, '').length;
  const letters = han + kana + latin;
  if (letters === 0) return 'und';
  if (kana > 0 && kana >= letters * 0.05) return 'ja';
  // Han characters carry a word each where Latin letters carry a fraction of one.
  if (han * 4 >= latin) return 'zh';
  return 'en';
}
