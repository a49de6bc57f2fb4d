import { describe, expect, it } from 'vitest';
import * as vocabulary from './vocabulary';

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value instanceof Map) return [...value].flatMap(strings);
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

describe('vocabulary', () => {
  it('has nothing that would need escaping in HTML or YAML single quotes', () => {
    for (const word of strings(Object.values(vocabulary))) {
      expect(word, word).not.toMatch(/[<>&"'\n]/);
    }
  });

  it('maps single Simplified characters to different single Traditional ones', () => {
    expect(vocabulary.TRADITIONAL_MAP.size).toBeGreaterThan(150);
    for (const [simplified, traditional] of vocabulary.TRADITIONAL_MAP) {
      expect([...simplified]).toHaveLength(1);
      expect([...traditional]).toHaveLength(1);
      expect(traditional).not.toBe(simplified);
    }
  });

  it('has about 300 Chinese words and phrases and 60 English terms', () => {
    const chinese = strings([
      vocabulary.CHINESE_TOPIC_WORDS,
      vocabulary.MIXED_TERMS,
      vocabulary.TIME_PHRASES,
      vocabulary.VERBS,
      vocabulary.ADVERBS,
      vocabulary.PLACES,
      vocabulary.CLAUSES,
      vocabulary.CONNECTORS,
      vocabulary.JUDGEMENTS,
      vocabulary.TREND_WORDS,
      vocabulary.SPEAKERS,
      vocabulary.TITLE_PREFIXES,
      vocabulary.TITLE_TAILS,
      vocabulary.EVENT_TOPICS,
    ]);
    expect(new Set(chinese).size).toBeGreaterThanOrEqual(300);
    expect(new Set(vocabulary.ENGLISH_TERMS).size).toBe(vocabulary.ENGLISH_TERMS.length);
    expect(vocabulary.ENGLISH_TERMS.length).toBeGreaterThanOrEqual(60);
  });
});
