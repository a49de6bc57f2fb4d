import { describe, expect, it } from 'vitest';
import { encodeDescendingDeltas, encodeUints } from './column-codec';
import {
  DocumentInvalidError,
  SchemaVersionMismatchError,
  parseArticleBody,
  parseColumns,
  parseIdShard,
  parseManifest,
  parseRowChunk,
  parseSearchKeyFile,
  parseSearchShard,
} from './parse';
import {
  ArticleIdSchema,
  ArticleRowSchema,
  FileHashSchema,
  CHUNK_SIZE,
  ImageRefSchema,
  SCHEMA_VERSION,
  UtcInstantSchema,
  type ArticleBody,
  type ArticleRow,
  type Columns,
  type IdShard,
  type Manifest,
  type RowChunk,
} from './schema';

const manifest: Manifest = {
  schemaVersion: 6,
  generator: 'chronicle',
  articleCount: 2,
  build: '0123456789abcdef',
  chunkSize: 64,
  search: { shards: 1, hash: '00000000000000e0' },
  sources: [
    { name: 'Archive', count: 1 },
    { name: '新华社', count: 1 },
  ],
  files: {
    columns: '00000000000000c0',
    'rows/0': '0000000000000000',
    ...Object.fromEntries(
      Array.from({ length: 256 }, (_, shard) => [
        `ids/${shard.toString(16).padStart(2, '0')}`,
        '00000000000000d0',
      ]),
    ),
  },
};

const dated: ArticleRow = {
  id: '0123456789ab',
  title: '东京奥运会开幕',
  source: '新华社',
  channel: '体育',
  author: '记者',
  date: '2021-07-23T11:00:00.000Z',
  image: 'media/0123456789abcdef.jpg',
  url: 'https://www.xinhuanet.com/sports/2021-07/23/c_1127687689.htm',
  excerpt: '第三十二届夏季奥林匹克运动会……',
  length: 1200,
  readingMinutes: 3,
  lang: 'zh',
  body: 'fedcba9876543210',
};

const undated: ArticleRow = {
  id: 'ba9876543210',
  title: 'Undated note',
  source: 'Archive',
  channel: null,
  author: null,
  date: null,
  image: null,
  url: null,
  excerpt: '',
  length: 0,
  readingMinutes: 1,
  lang: 'und',
  body: '00112233445566ff',
};

/** The columns of [dated, undated]: one dated row, source indices into manifest.sources. */
const columns: Columns = {
  schemaVersion: 6,
  count: 2,
  datedCount: 1,
  minutes: encodeDescendingDeltas([Date.parse(dated.date!) / 60_000]),
  sources: encodeUints([1, 0]),
};

const chunk: RowChunk = { schemaVersion: 6, chunk: 0, rows: [dated, undated] };

const shard: IdShard = {
  schemaVersion: 6,
  documents: { '0123456789ab': 0, '0123fedcba98': 130 },
};

const body: ArticleBody = {
  schemaVersion: 6,
  id: '0123456789ab',
  html: '<p>正文</p>',
  paths: ['2021/07/olympics.md', 'copies/olympics.md'],
  removed: {
    total: 3,
    byKind: { iframe: 2, onclick: 1 },
    embeds: [{ kind: 'iframe', url: 'https://www.youtube.com/embed/abc' }],
  },
};

/** A manifest as schema version 1 wrote it: one index file, no build folder. */
const manifestV1 = {
  schemaVersion: 1,
  generator: 'chronicle',
  articleCount: 2,
  index: 'index.0123456789abcdef.json',
  bodies: 'articles/',
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

/** versionErrorOf: the SchemaVersionMismatchError a parse raises, or a failure. */
function versionErrorOf(parse: () => unknown): SchemaVersionMismatchError {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(SchemaVersionMismatchError);
    return error as SchemaVersionMismatchError;
  }
  throw new Error('expected the document to be rejected');
}

it('is schema version 6 with 64 rows per chunk', () => {
  expect(SCHEMA_VERSION).toBe(6);
  expect(CHUNK_SIZE).toBe(64);
});

describe('parseManifest', () => {
  it('accepts a valid manifest', () => {
    expect(parseManifest(structuredClone(manifest))).toEqual(manifest);
  });

  it('accepts an empty archive', () => {
    const empty = { ...manifest, articleCount: 0, sources: [] };
    expect(parseManifest(empty)).toEqual(empty);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['another generator', { generator: 'other' }, 'generator'],
    ['a negative count', { articleCount: -1 }, 'articleCount'],
    ['a fractional count', { articleCount: 1.5 }, 'articleCount'],
    ['a build folder', { build: 'build-0123456789abcdef/' }, 'build'],
    ['a build with uppercase hex', { build: '0123456789ABCDEF' }, 'build'],
    ['a short build hash', { build: '0123456789abcde' }, 'build'],
    [
      'a file outside the data folder',
      { files: { ...manifest.files, '../x': 'aaaaaaaaaaaaaaaa' } },
      'files.../x',
    ],
    ['a file with a short hash', { files: { ...manifest.files, columns: 'abc' } }, 'files.columns'],
    ['a row chunk missing', { articleCount: 65 }, 'files'],
    ['a search index without the hash naming its folder', { search: { shards: 2 } }, 'search.hash'],
    ['another chunk size', { chunkSize: 32 }, 'chunkSize'],
    ['sources that are not a list', { sources: { Archive: 1 } }, 'sources'],
  ])('rejects %s at its field', (_, change, path) => {
    expect(pathsOf(() => parseManifest({ ...manifest, ...change }))).toEqual([path]);
  });

  it.each<[string, unknown, string]>([
    ['with no articles', { name: 'Archive', count: 0 }, 'sources.0.count'],
    ['with a fractional count', { name: 'Archive', count: 1.5 }, 'sources.0.count'],
    ['with an empty name', { name: '', count: 1 }, 'sources.0.name'],
  ])('rejects a source %s at its located path', (_, source, path) => {
    const value = { ...manifest, sources: [source, manifest.sources[1]] };
    expect(pathsOf(() => parseManifest(value))).toEqual([path]);
  });

  it.each(['build', 'chunkSize', 'sources', 'search', 'files'])(
    'reports a missing %s at its name',
    (field) => {
      const without: Record<string, unknown> = { ...manifest };
      delete without[field];
      expect(pathsOf(() => parseManifest(without))).toEqual([field]);
    },
  );

  it('names the document in the error', () => {
    expect(() => parseManifest({ ...manifest, generator: 'x' }, 'data/manifest.json')).toThrow(
      /^data\/manifest\.json is invalid: generator: /,
    );
  });
});

describe('schema version check', () => {
  it.each<[string, unknown, unknown]>([
    ['a version 1 manifest', manifestV1, 1],
    ['a newer version', { ...manifest, schemaVersion: 7 }, 7],
    ['an older version', { ...manifest, schemaVersion: 0 }, 0],
    ['a version as a string', { ...manifest, schemaVersion: '2' }, '2'],
    ['no version', { generator: 'chronicle' }, undefined],
    ['null', null, undefined],
    ['an array', [manifest], undefined],
    ['a string', 'manifest', undefined],
  ])('rejects %s, saying what it found and expected', (_, value, found) => {
    expect(versionErrorOf(() => parseManifest(value))).toMatchObject({
      document: 'manifest.json',
      found,
      expected: 6,
    });
  });

  it('checks the version before the rest, so a v1 document is not reported field by field', () => {
    // A v1 manifest lacks build, chunkSize and sources: the version is all that is reported.
    expect(versionErrorOf(() => parseManifest(manifestV1)).message).toBe(
      'manifest.json: schema version 1, expected 6',
    );
    expect(() => parseRowChunk({ schemaVersion: 1, articles: 'nope' })).toThrow(
      SchemaVersionMismatchError,
    );
  });

  it('says the document, the version found and the version expected in its message', () => {
    expect(() =>
      parseColumns({ ...columns, schemaVersion: 7 }, 'columns.0123456789abcdef.json'),
    ).toThrow('columns.0123456789abcdef.json: schema version 7, expected 6');
  });

  it.each<[string, (value: unknown) => unknown, object, string]>([
    ['columns', parseColumns, columns, 'columns.json'],
    ['row chunks', parseRowChunk, chunk, 'row chunk'],
    ['id shards', parseIdShard, shard, 'id shard'],
    ['bodies', parseArticleBody, body, 'article body'],
    [
      'search shards',
      parseSearchShard,
      { schemaVersion: 6, shard: 0, keys: { 条约: 'AAE=' } },
      'search shard',
    ],
    [
      'search key files',
      parseSearchKeyFile,
      { schemaVersion: 6, key: '条约', postings: 'AAE=' },
      'search key file',
    ],
  ])('applies to %s too, a v1 one included', (_, parse, valid, document) => {
    for (const schemaVersion of [1, 2, 3, 4, 5, 7, undefined]) {
      expect(versionErrorOf(() => parse({ ...valid, schemaVersion }))).toMatchObject({
        document,
        found: schemaVersion,
        expected: 6,
      });
    }
  });
});

describe('search index files', () => {
  it('accept postings in base64 and references to own files', () => {
    const shard = { schemaVersion: 6, shard: 7, keys: { 条约: 'AAE=', '^条约': '@0' } };
    expect(parseSearchShard(structuredClone(shard))).toEqual(shard);
  });

  it('reject postings that are not base64, naming the key', () => {
    expect(() =>
      parseSearchShard({ schemaVersion: 6, shard: 0, keys: { 条约: '<script>' } }, 'search/0.json'),
    ).toThrow(/^search\/0\.json is invalid: keys\.条约: /);
  });
});

describe('parseColumns', () => {
  it('accepts valid columns', () => {
    expect(parseColumns(structuredClone(columns))).toEqual(columns);
  });

  it('accepts the columns of an empty archive', () => {
    const empty = { schemaVersion: 6, count: 0, datedCount: 0, minutes: '', sources: '' };
    expect(parseColumns(empty)).toEqual(empty);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a negative count', { count: -1 }, 'count'],
    ['a fractional dated count', { datedCount: 0.5 }, 'datedCount'],
    ['a count as a string', { count: '2' }, 'count'],
    ['minutes as an array', { minutes: [27116580] }, 'minutes'],
    ['missing sources', { sources: undefined }, 'sources'],
  ])('rejects %s at its field', (_, change, path) => {
    expect(pathsOf(() => parseColumns({ ...columns, ...change }))).toEqual([path]);
  });

  it('uses the document name it was given', () => {
    expect(() => parseColumns({ ...columns, count: -1 }, 'build-x/columns.json')).toThrow(
      /^build-x\/columns\.json is invalid: count: /,
    );
  });
});

describe('parseRowChunk', () => {
  it('accepts a valid chunk with dated and undated rows', () => {
    expect(parseRowChunk(structuredClone(chunk))).toEqual(chunk);
  });

  it('accepts an empty chunk', () => {
    const empty = { schemaVersion: 6, chunk: 3, rows: [] };
    expect(parseRowChunk(empty)).toEqual(empty);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a negative chunk number', { chunk: -1 }, 'chunk'],
    ['a fractional chunk number', { chunk: 1.5 }, 'chunk'],
    ['rows that are not a list', { rows: {} }, 'rows'],
  ])('rejects %s at its field', (_, change, path) => {
    expect(pathsOf(() => parseRowChunk({ ...chunk, ...change }))).toEqual([path]);
  });

  const withRow = (change: Record<string, unknown>, at = 0) => ({
    ...chunk,
    rows: chunk.rows.map((row, position) => (position === at ? { ...row, ...change } : row)),
  });

  it.each<[string, Record<string, unknown>, number, string]>([
    ['a date without time', { date: '2021-07-29' }, 0, 'rows.0.date'],
    ['a date with an offset', { date: '2021-07-29T13:11:25+08:00' }, 0, 'rows.0.date'],
    ['an unparseable date', { date: 'yesterday' }, 1, 'rows.1.date'],
    ['an uppercase id', { id: '0123456789AB' }, 0, 'rows.0.id'],
    ['a short id', { id: '0123' }, 1, 'rows.1.id'],
    ['an empty title', { title: '' }, 0, 'rows.0.title'],
    ['an empty source', { source: '' }, 0, 'rows.0.source'],
    ['an empty channel (null is the way to say none)', { channel: '' }, 0, 'rows.0.channel'],
    ['an empty author (null is the way to say none)', { author: '' }, 1, 'rows.1.author'],
    ['a javascript: image', { image: 'javascript:alert(1)' }, 0, 'rows.0.image'],
    ['zero reading minutes', { readingMinutes: 0 }, 0, 'rows.0.readingMinutes'],
    ['a fractional length', { length: 10.5 }, 1, 'rows.1.length'],
    ['an unknown language', { lang: 'fr' }, 0, 'rows.0.lang'],
    ['a missing excerpt', { excerpt: undefined }, 1, 'rows.1.excerpt'],
    ['a missing body hash', { body: undefined }, 0, 'rows.0.body'],
    ['a null body hash', { body: null }, 1, 'rows.1.body'],
    ['a body hash with uppercase hex', { body: 'FEDCBA9876543210' }, 0, 'rows.0.body'],
    [
      'a body file name as the hash',
      { body: '0123456789ab.fedcba9876543210.json' },
      0,
      'rows.0.body',
    ],
  ])('rejects %s at its located path', (_, change, at, path) => {
    expect(pathsOf(() => parseRowChunk(withRow(change, at)))).toEqual([path]);
  });

  it('reports every issue, each located', () => {
    const value = {
      ...chunk,
      rows: [
        { ...dated, date: 'bad' },
        { ...undated, lang: 'xx' },
      ],
    };
    const issues = issuesOf(() => parseRowChunk(value, 'build-0123456789abcdef/rows/0.json'));
    expect(issues.map((issue) => issue.path)).toEqual(['rows.0.date', 'rows.1.lang']);
    for (const issue of issues) expect(issue.message).not.toBe('');
  });

  it('uses the document name it was given', () => {
    expect(() =>
      parseRowChunk(withRow({ date: 'bad' }), 'build-0123456789abcdef/rows/0.json'),
    ).toThrow(/^build-0123456789abcdef\/rows\/0\.json is invalid: rows\.0\.date: /);
  });
});

describe('ArticleRowSchema body group hash', () => {
  it('is 16 lowercase hex digits', () => {
    expect(FileHashSchema.safeParse('0123456789abcdef').success).toBe(true);
    for (const hash of [
      '0123456789abcde',
      '0123456789abcdef0',
      '0123456789abcdeF',
      '0123456789abcdeg',
      '0123456789abcde/',
      '',
    ]) {
      expect(FileHashSchema.safeParse(hash).success, hash).toBe(false);
    }
  });

  it('is required on every row', () => {
    expect(ArticleRowSchema.safeParse(dated).success).toBe(true);
    const withoutBody: Record<string, unknown> = { ...dated };
    delete withoutBody.body;
    const result = ArticleRowSchema.safeParse(withoutBody);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['body']]);
  });
});

describe('parseIdShard', () => {
  it('accepts a valid shard', () => {
    expect(parseIdShard(structuredClone(shard))).toEqual(shard);
  });

  it('accepts an empty shard', () => {
    const empty = { schemaVersion: 6, documents: {} };
    expect(parseIdShard(empty)).toEqual(empty);
  });

  it.each([
    ['an uppercase id', '0123456789AB'],
    ['a short id', '0123456789a'],
    ['a long id', '0123456789abc'],
    ['a non-hex id', '0123456789ag'],
    ['a body file name', '0123456789ab.json'],
    ['a number', '42'],
  ])('rejects a key that is not an article id (%s) at that key', (_, key) => {
    const value = { ...shard, documents: { ...shard.documents, [key]: 1 } };
    expect(pathsOf(() => parseIdShard(value))).toEqual([`documents.${key}`]);
  });

  it.each<[string, unknown]>([
    ['a negative row', -1],
    ['a fractional row', 1.5],
    ['a row as a string', '1'],
    ['a null row', null],
  ])('rejects %s at its id', (_, row) => {
    const value = { ...shard, documents: { ...shard.documents, '0123456789ab': row } };
    expect(pathsOf(() => parseIdShard(value))).toEqual(['documents.0123456789ab']);
  });

  it('rejects documents given as a list', () => {
    expect(pathsOf(() => parseIdShard({ ...shard, documents: [0, 1] }))).toEqual(['documents']);
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

  it('uses the document name it was given', () => {
    expect(() =>
      parseArticleBody({ ...body, paths: [] }, 'articles/0123456789ab.fedcba9876543210.json'),
    ).toThrow(/^articles\/0123456789ab\.fedcba9876543210\.json is invalid: paths: /);
  });
});

describe('DocumentInvalidError', () => {
  it('shows at most three issues and counts the rest', () => {
    const issues = ['a', 'b', 'c', 'd', 'e'].map((path) => ({ path, message: `bad ${path}` }));
    const error = new DocumentInvalidError('columns.json', issues);
    expect(error.message).toBe('columns.json is invalid: a: bad a; b: bad b; c: bad c (+2 more)');
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
