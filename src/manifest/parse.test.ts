import { describe, expect, it } from 'vitest';
import {
  DocumentInvalidError,
  SchemaVersionMismatchError,
  parseArticleBody,
  parseArticleIndex,
  parseManifest,
} from './parse';
import {
  ArticleIdSchema,
  ImageRefSchema,
  UtcInstantSchema,
  type ArticleBody,
  type ArticleIndex,
  type ArticleSummary,
  type Manifest,
} from './schema';

const manifest: Manifest = {
  schemaVersion: 1,
  generator: 'chronicle',
  articleCount: 2,
  index: 'index.0123456789abcdef.json',
  bodies: 'articles/',
};

const dated: ArticleSummary = {
  id: '0123456789ab',
  title: '东京奥运会开幕',
  source: '新华社',
  channel: '体育',
  author: '记者',
  date: '2021-07-23T11:00:00.000Z',
  image: 'media/0123456789abcdef.jpg',
  excerpt: '第三十二届夏季奥林匹克运动会……',
  length: 1200,
  readingMinutes: 3,
  lang: 'zh',
};

const undated: ArticleSummary = {
  id: 'ba9876543210',
  title: 'Undated note',
  source: 'Archive',
  channel: null,
  author: null,
  date: null,
  image: null,
  excerpt: '',
  length: 0,
  readingMinutes: 1,
  lang: 'und',
};

const index: ArticleIndex = {
  schemaVersion: 1,
  articles: [dated, undated],
  sources: [
    { name: 'Archive', count: 1 },
    { name: '新华社', count: 1 },
  ],
};

const body: ArticleBody = {
  schemaVersion: 1,
  id: '0123456789ab',
  html: '<p>正文</p>',
  paths: ['2021/07/olympics.md', 'copies/olympics.md'],
  removed: {
    total: 3,
    byKind: { iframe: 2, onclick: 1 },
    embeds: [{ kind: 'iframe', url: 'https://www.youtube.com/embed/abc' }],
  },
};

/** issuesOf: the located issues a parse raises, or a failure if it does not raise them. */
function issuesOf(parse: () => unknown): DocumentInvalidError['issues'] {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(DocumentInvalidError);
    return (error as DocumentInvalidError).issues;
  }
  throw new Error('expected the document to be rejected');
}

const pathsOf = (parse: () => unknown) => issuesOf(parse).map((issue) => issue.path);

describe('parseManifest', () => {
  it('accepts a valid manifest', () => {
    expect(parseManifest(structuredClone(manifest))).toEqual(manifest);
  });

  it('accepts an empty archive', () => {
    expect(parseManifest({ ...manifest, articleCount: 0 }).articleCount).toBe(0);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['another generator', { generator: 'other' }, 'generator'],
    ['a negative count', { articleCount: -1 }, 'articleCount'],
    ['a fractional count', { articleCount: 1.5 }, 'articleCount'],
    ['an unhashed index name', { index: 'index.json' }, 'index'],
    ['an index name with uppercase hex', { index: 'index.0123456789ABCDEF.json' }, 'index'],
    ['an index path outside the data folder', { index: '../index.0123456789abcdef.json' }, 'index'],
    ['another bodies folder', { bodies: 'bodies/' }, 'bodies'],
  ])('rejects %s at its field', (_, change, path) => {
    expect(pathsOf(() => parseManifest({ ...manifest, ...change }))).toEqual([path]);
  });

  it('reports a missing field at its name', () => {
    const withoutIndex: Record<string, unknown> = { ...manifest };
    delete withoutIndex.index;
    expect(pathsOf(() => parseManifest(withoutIndex))).toEqual(['index']);
  });

  it('names the document in the error', () => {
    expect(() => parseManifest({ ...manifest, generator: 'x' }, 'data/manifest.json')).toThrow(
      /^data\/manifest\.json is invalid: generator: /,
    );
  });
});

describe('schema version check', () => {
  it.each<[string, unknown, unknown]>([
    ['a newer version', { ...manifest, schemaVersion: 2 }, 2],
    ['an older version', { ...manifest, schemaVersion: 0 }, 0],
    ['a version as a string', { ...manifest, schemaVersion: '1' }, '1'],
    ['no version', { generator: 'chronicle' }, undefined],
    ['null', null, undefined],
    ['an array', [manifest], undefined],
    ['a string', 'manifest', undefined],
  ])('rejects %s, saying what it found and expected', (_, value, found) => {
    let caught: unknown;
    try {
      parseManifest(value);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SchemaVersionMismatchError);
    expect(caught).toMatchObject({ document: 'manifest.json', found, expected: 1 });
  });

  it('checks the version before the rest, so an old document is not reported field by field', () => {
    expect(() => parseArticleIndex({ schemaVersion: 2, articles: 'nope' })).toThrow(
      SchemaVersionMismatchError,
    );
  });

  it('says the document, the version found and the version expected in its message', () => {
    expect(() => parseArticleIndex({ ...index, schemaVersion: 7 }, 'index.abc.json')).toThrow(
      'index.abc.json: schema version 7, expected 1',
    );
  });

  it('applies to bodies too', () => {
    expect(() => parseArticleBody({ ...body, schemaVersion: 2 })).toThrow(
      SchemaVersionMismatchError,
    );
  });
});

describe('parseArticleIndex', () => {
  it('accepts a valid index with dated and undated articles', () => {
    expect(parseArticleIndex(structuredClone(index))).toEqual(index);
  });

  it('accepts an empty index', () => {
    const empty = { schemaVersion: 1, articles: [], sources: [] };
    expect(parseArticleIndex(empty)).toEqual(empty);
  });

  const withArticle = (change: Record<string, unknown>, at = 0) => ({
    ...index,
    articles: index.articles.map((article, position) =>
      position === at ? { ...article, ...change } : article,
    ),
  });

  it.each<[string, Record<string, unknown>, number, string]>([
    ['a date without time', { date: '2021-07-29' }, 0, 'articles.0.date'],
    ['a date with an offset', { date: '2021-07-29T13:11:25+08:00' }, 0, 'articles.0.date'],
    ['an unparseable date', { date: 'yesterday' }, 1, 'articles.1.date'],
    ['an uppercase id', { id: '0123456789AB' }, 0, 'articles.0.id'],
    ['a short id', { id: '0123' }, 1, 'articles.1.id'],
    ['an empty title', { title: '' }, 0, 'articles.0.title'],
    ['an empty source', { source: '' }, 0, 'articles.0.source'],
    ['an empty channel (null is the way to say none)', { channel: '' }, 0, 'articles.0.channel'],
    ['a javascript: image', { image: 'javascript:alert(1)' }, 0, 'articles.0.image'],
    ['zero reading minutes', { readingMinutes: 0 }, 0, 'articles.0.readingMinutes'],
    ['a fractional length', { length: 10.5 }, 1, 'articles.1.length'],
    ['an unknown language', { lang: 'fr' }, 0, 'articles.0.lang'],
    ['a missing excerpt', { excerpt: undefined }, 1, 'articles.1.excerpt'],
  ])('rejects %s at its located path', (_, change, at, path) => {
    expect(pathsOf(() => parseArticleIndex(withArticle(change, at)))).toEqual([path]);
  });

  it('rejects a source with no articles at its located path', () => {
    const value = { ...index, sources: [{ name: 'Archive', count: 0 }] };
    expect(pathsOf(() => parseArticleIndex(value))).toEqual(['sources.0.count']);
  });

  it('reports every issue, each located', () => {
    const value = {
      ...index,
      articles: [
        { ...dated, date: 'bad' },
        { ...undated, lang: 'xx' },
      ],
    };
    const issues = issuesOf(() => parseArticleIndex(value, 'index.0123456789abcdef.json'));
    expect(issues.map((issue) => issue.path)).toEqual(['articles.0.date', 'articles.1.lang']);
    for (const issue of issues) expect(issue.message).not.toBe('');
  });

  it('uses the document name it was given', () => {
    expect(() =>
      parseArticleIndex(withArticle({ date: 'bad' }), 'index.0123456789abcdef.json'),
    ).toThrow(/^index\.0123456789abcdef\.json is invalid: articles\.0\.date: /);
  });
});

describe('parseArticleBody', () => {
  it('accepts a valid body', () => {
    expect(parseArticleBody(structuredClone(body))).toEqual(body);
  });

  it.each<[string, Partial<Record<keyof ArticleBody, unknown>>, string[]]>([
    ['no paths', { paths: [] }, ['paths']],
    ['an empty path', { paths: ['a.md', ''] }, ['paths.1']],
    ['a bad id', { id: 'not-an-id' }, ['id']],
    ['html that is not a string', { html: null }, ['html']],
    [
      'a zero count in byKind',
      { removed: { ...body.removed, byKind: { iframe: 0 } } },
      ['removed.byKind.iframe'],
    ],
    [
      'a javascript: embed link',
      { removed: { ...body.removed, embeds: [{ kind: 'iframe', url: 'javascript:alert(1)' }] } },
      ['removed.embeds.0.url'],
    ],
    ['a negative total', { removed: { ...body.removed, total: -1 } }, ['removed.total']],
  ])('rejects %s at its located path', (_, change, paths) => {
    expect(pathsOf(() => parseArticleBody({ ...body, ...change }))).toEqual(paths);
  });
});

describe('DocumentInvalidError', () => {
  it('shows at most three issues and counts the rest', () => {
    const issues = ['a', 'b', 'c', 'd', 'e'].map((path) => ({ path, message: `bad ${path}` }));
    const error = new DocumentInvalidError('index.json', issues);
    expect(error.message).toBe('index.json is invalid: a: bad a; b: bad b; c: bad c (+2 more)');
    expect(error.issues).toHaveLength(5);
    expect(error.name).toBe('DocumentInvalidError');
  });

  it('names the root when an issue has no path', () => {
    const error = new DocumentInvalidError('x.json', [{ path: '', message: 'expected object' }]);
    expect(error.message).toBe('x.json is invalid: (root): expected object');
  });
});

describe('ImageRefSchema', () => {
  it.each([
    'https://example.com/a.jpg',
    'http://example.com/photos/a.png?size=large#x',
    'HTTPS://EXAMPLE.COM/A.JPG',
    'media/0123456789abcdef.jpg',
    'media/0123456789abcdef.webp',
    'media/fedcba9876543210.a',
  ])('accepts %s', (value) => {
    expect(ImageRefSchema.safeParse(value).success).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:image/png;base64,iVBORw0KGgo=',
    'ftp://example.com/a.jpg',
    '//example.com/a.jpg',
    '/media/0123456789abcdef.jpg',
    'images/a.jpg',
    'a.jpg',
    '../media/0123456789abcdef.jpg',
    'media/../0123456789abcdef.jpg',
    'media/0123456789ABCDEF.jpg',
    'media/0123456789abcde.jpg',
    'media/0123456789abcdef',
    'media/0123456789abcdef.jpeg2x',
    'media/0123456789abcdef.jpg?x=1',
    'https://',
    'https://example.com/a b.jpg',
    ' https://example.com/a.jpg',
    '',
  ])('rejects %j', (value) => {
    expect(ImageRefSchema.safeParse(value).success).toBe(false);
  });
});

describe('ArticleIdSchema and UtcInstantSchema', () => {
  it('accepts exactly 12 lowercase hex digits as an id', () => {
    expect(ArticleIdSchema.safeParse('0123456789ab').success).toBe(true);
    for (const id of ['0123456789a', '0123456789abc', '0123456789aB', '0123456789ag']) {
      expect(ArticleIdSchema.safeParse(id).success, id).toBe(false);
    }
  });

  it('accepts UTC instants and rejects offsets and bare days', () => {
    expect(UtcInstantSchema.safeParse('2021-07-29T05:11:25.000Z').success).toBe(true);
    expect(UtcInstantSchema.safeParse('2021-07-29T05:11:25Z').success).toBe(true);
    for (const value of ['2021-07-29T13:11:25+08:00', '2021-07-29', '2021-07-29T05:11:25']) {
      expect(UtcInstantSchema.safeParse(value).success, value).toBe(false);
    }
  });
});
