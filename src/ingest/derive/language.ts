import type { ContentLanguage } from '../../manifest/schema';

/**
 * detectLanguage: the dominant script of the text decides its `lang`, which drives CJK font
 * selection and line breaking in the reader. Kana marks Japanese even among many Han characters.
 */
export function detectLanguage(text: string): ContentLanguage {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const kana = text.match(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  const letters = han + kana + latin;
  if (letters === 0) return 'und';
  if (kana > 0 && kana >= letters * 0.05) return 'ja';
  // Han characters carry a word each where Latin letters carry a fraction of one.
  if (han * 4 >= latin) return 'zh';
  return 'en';
}
