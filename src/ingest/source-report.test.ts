import { describe, expect, it } from 'vitest';
import {
  formatSourcesSummary,
  looksLikeSameSource,
  suggestAliases,
  summarizeSources,
} from './source-report';

describe('summarizeSources', () => {
  it('counts, per source and overall, where the names came from', () => {
    const report = summarizeSources([
      { source: 'txt', origin: 'folder' },
      { source: 'txt', origin: 'folder' },
      { source: '北京晨报', origin: 'byline' },
      { source: '北辰时报', origin: 'categories' },
      { source: '北辰时报', origin: 'author-field' },
    ]);
    expect(report.origins).toEqual({ folder: 2, byline: 1, categories: 1, 'author-field': 1 });
    expect(report.sources).toEqual([
      { name: 'txt', articles: 2, origins: { folder: 2 } },
      { name: '北辰时报', articles: 2, origins: { categories: 1, 'author-field': 1 } },
      { name: '北京晨报', articles: 1, origins: { byline: 1 } },
    ]);
  });

  it('tells how many articles took a folder name, and the config that would name it', () => {
    const report = summarizeSources([
      ...Array.from({ length: 3 }, () => ({ source: 'txt', origin: 'folder' as const })),
      { source: '知乎', origin: 'categories' },
      { source: '知乎 - 专栏', origin: 'categories' },
    ]);
    expect(formatSourcesSummary(report, 5)).toEqual([
      'Sources: 3 names; 2 from the archiver’s categories, 3 from a folder name',
      '  3 articles (60%) took their source from a folder name: txt (3).',
      '  If a folder is not an outlet, name it in chronicle.config.json: "sources": { "txt": { "displayName": "…" } }',
      '  possibly one source: 知乎 / 知乎 - 专栏 → "sources": { "知乎": { "aliases": ["知乎 - 专栏"] } }',
    ]);
  });
});

describe('looksLikeSameSource', () => {
  it.each([
    ['36kr', '36氪'],
    ['i黑马', 'i黑马网'],
    ['知乎', '知乎 - 专栏'],
    ['199IT', '199IT - 首页更新'],
    ['IT 之家', 'IT之家'],
  ])('%s and %s', (a, b) => {
    expect(looksLikeSameSource(a, b)).toBe(true);
  });

  it.each([
    ['北京晚报', '北京晨报'],
    ['AcFun', 'ACM'],
    ['IT 之家', 'IT 新闻'],
    ['cnBeta', 'cnBeta 中文业界资讯站 科技频道'],
  ])('not %s and %s', (a, b) => {
    expect(looksLikeSameSource(a, b)).toBe(false);
  });
});

describe('suggestAliases', () => {
  it('puts each group under its name with the most articles', () => {
    expect(
      suggestAliases([
        { name: 'i黑马网', articles: 1 },
        { name: 'i黑马', articles: 4 },
        { name: '36氪', articles: 2 },
        { name: '36kr', articles: 9 },
        { name: '北京晚报', articles: 3 },
        { name: '北京晨报', articles: 3 },
      ]),
    ).toEqual([
      { source: '36kr', aliases: ['36氪'] },
      { source: 'i黑马', aliases: ['i黑马网'] },
    ]);
  });
});
