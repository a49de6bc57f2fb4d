import { describe, expect, it } from 'vitest';
import { normalizeTitle } from './title';

describe('normalizeTitle', () => {
  it('decodes entities and collapses whitespace', () => {
    expect(normalizeTitle('美俄&amp;北约：&quot;新约&quot;延期&#x4E4B;后')).toBe(
      '美俄&北约："新约"延期之后',
    );
    expect(normalizeTitle('  峰会\t前瞻：\n\n日内瓦  ')).toBe('峰会 前瞻： 日内瓦');
  });

  it('strips runs of wrapping quotes, however deep', () => {
    expect(normalizeTitle(`"""""""""'第二轮对话设立两个工作组'"""""""""`)).toBe(
      '第二轮对话设立两个工作组',
    );
    expect(normalizeTitle('“峰会前瞻”')).toBe('峰会前瞻');
    expect(normalizeTitle('「新约」')).toBe('新约');
    expect(normalizeTitle(`""Uneven runs"`)).toBe('Uneven runs');
  });

  it('keeps quotes that belong to the title', () => {
    expect(normalizeTitle('“新约”与“开放天空”')).toBe('“新约”与“开放天空”');
    expect(normalizeTitle('"Yes," she said')).toBe('"Yes," she said');
    expect(normalizeTitle(`"She said 'no'"`)).toBe(`She said 'no'`);
    expect(normalizeTitle('美俄举行“实质性”会谈')).toBe('美俄举行“实质性”会谈');
  });

  it('keeps very long titles whole', () => {
    const long = '很长的标题'.repeat(200);
    expect(normalizeTitle(long)).toBe(long);
  });

  it('turns numbers into text and everything else unusable into null', () => {
    expect(normalizeTitle(2021)).toBe('2021');
    expect(normalizeTitle('')).toBeNull();
    expect(normalizeTitle('  ')).toBeNull();
    expect(normalizeTitle('""""')).toBeNull();
    expect(normalizeTitle(null)).toBeNull();
    expect(normalizeTitle(['a'])).toBeNull();
    expect(normalizeTitle({ text: 'a' })).toBeNull();
  });
});
