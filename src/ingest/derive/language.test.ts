import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it('tells Chinese, Japanese and English apart by script', () => {
    expect(detectLanguage('美俄同意延长新削减战略武器条约')).toBe('zh');
    expect(detectLanguage('みもパ！～夏休みだよ、全員集合！～')).toBe('ja');
    expect(detectLanguage('Washington and Moscow extend New START')).toBe('en');
  });

  it('weighs a Han character like several Latin letters', () => {
    expect(detectLanguage('SQLite 3.38.4 发布，修复了若干问题')).toBe('zh');
    expect(detectLanguage('A long English sentence that quotes one word: 新约')).toBe('en');
  });

  it('is undetermined without letters', () => {
    expect(detectLanguage('2021 — 12:00')).toBe('und');
  });
});
