import { describe, expect, it } from 'vitest';
import { detectUiLanguage } from './i18n';

describe('detectUiLanguage', () => {
  it('prefers the saved choice over the browser’s languages', () => {
    expect(detectUiLanguage('en', ['zh-CN', 'zh'])).toBe('en');
    expect(detectUiLanguage('zh', ['en-US', 'en'])).toBe('zh');
  });

  it.each(['fr', 'EN', 'english', ''])('ignores an unknown saved value %j', (saved) => {
    expect(detectUiLanguage(saved, ['en-US'])).toBe('en');
    expect(detectUiLanguage(saved, ['zh-CN'])).toBe('zh');
  });

  it.each(['zh', 'zh-CN', 'zh-TW', 'zh-HK', 'zh-Hant-TW', 'ZH-tw'])(
    'reads %s as Chinese',
    (tag) => {
      expect(detectUiLanguage(null, [tag])).toBe('zh');
    },
  );

  it.each(['en', 'en-GB', 'en-US', 'EN-au'])('reads %s as English', (tag) => {
    expect(detectUiLanguage(null, [tag])).toBe('en');
  });

  it('takes the first browser language it speaks, skipping the others', () => {
    expect(detectUiLanguage(null, ['fr-FR', 'fr', 'en-GB', 'zh-CN'])).toBe('en');
    expect(detectUiLanguage(null, ['ja', 'zh-TW', 'en'])).toBe('zh');
    expect(detectUiLanguage(null, ['en', 'zh'])).toBe('en');
  });

  it('matches the primary subtag exactly, not a prefix of it', () => {
    // 'eng' and 'zha' (Zhuang) are other languages, not English or Chinese.
    expect(detectUiLanguage(null, ['eng', 'en'])).toBe('en');
    expect(detectUiLanguage(null, ['zha', 'en'])).toBe('en');
    expect(detectUiLanguage(null, ['eng'])).toBe('zh');
  });

  it('falls back to Chinese when nothing matches or nothing is known', () => {
    expect(detectUiLanguage(null, ['fr', 'de'])).toBe('zh');
    expect(detectUiLanguage(null, [])).toBe('zh');
    expect(detectUiLanguage(null, [''])).toBe('zh');
  });
});
