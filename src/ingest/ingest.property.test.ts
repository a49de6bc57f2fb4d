import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIngestSanitizer } from '../sanitizer/ingest-sanitizer';
import { decodeText } from './decode';
import { parseArticleDate } from './derive/date';
import { normalizeTitle } from './derive/title';
import { readFrontMatter } from './formats/front-matter';
import { findPastedCode } from './formats/pasted-code';
import { ingestFile } from './ingest';
import { MediaCollector } from './media';
import type { NormalizeContext } from './normalize-article';
import {
  ingestFolder,
  makeTempDir,
  readFolderBytes,
  removeDir,
  TEST_NOW,
  testConfig,
  writeFiles,
} from './test-helpers';
import { writeDataFolder } from './write-output';

let scratch: string;
let context: NormalizeContext;

beforeAll(async () => {
  scratch = await makeTempDir();
  context = {
    config: testConfig(),
    now: TEST_NOW,
    media: new MediaCollector(scratch),
    sanitizer: createIngestSanitizer(),
  };
});
afterAll(async () => {
  await removeDir(scratch);
});

const extension = fc.constantFrom('.md', '.txt', '.html', '.markdown');

/** Lines that look like front matter, including the broken kinds archivers write. */
const frontMatterLine = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc
    .tuple(
      fc.constantFrom('title', 'date', 'categories', 'author', 'headimg', 'source', 'thumbnail'),
      fc.constantFrom(': ', ':', ':\t', ' : '),
      fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.constantFrom(
          `"""'x'"""`,
          '"unclosed',
          "'",
          '[a, b',
          '- x',
          '{a: 1}',
          '&a',
          '*a',
          '!!js/function x',
          '2021-02-29',
          'Invalid Date',
          '1627535485',
          'yesterday',
        ),
      ),
    )
    .map(([key, colon, value]) => `${key}${colon}${value}`),
  fc.constantFrom('\t- 新闻', ' - 北辰时报', '  - - nested', '---', '...', '#comment', ''),
);

describe('ingest never throws', () => {
  it('on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), extension, (bytes, ext) => {
        const outcome = ingestFile(
          { relPath: `fuzz${ext}`, absPath: join(scratch, `fuzz${ext}`) },
          { bytes, size: bytes.length },
          context,
        );
        expect(['article', 'rejected', 'skipped']).toContain(outcome.status);
      }),
      { numRuns: 150 },
    );
  });

  it('on arbitrary text, in any encoding the decoder accepts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), extension, (text, ext) => {
        const bytes = new TextEncoder().encode(text);
        const outcome = ingestFile(
          { relPath: `fuzz${ext}`, absPath: join(scratch, `fuzz${ext}`) },
          { bytes, size: bytes.length },
          context,
        );
        if (outcome.status === 'article') expect(outcome.article.summary.title).not.toBe('');
      }),
      { numRuns: 100 },
    );
  });

  it('on arbitrary front matter', () => {
    fc.assert(
      fc.property(
        fc.array(frontMatterLine, { maxLength: 12 }),
        fc.constantFrom('', '\n\n', '\r\n'),
        (lines, lead) => {
          const text = `${lead}---\n${lines.join('\n')}\n---\n\n<p>正文。</p>\n`;
          const bytes = new TextEncoder().encode(text);
          const outcome = ingestFile(
            { relPath: 'fm.md', absPath: join(scratch, 'fm.md') },
            { bytes, size: bytes.length },
            context,
          );
          expect(['article', 'rejected']).toContain(outcome.status);
          const fm = readFrontMatter(lines.join('\n'), 2);
          for (const warning of fm.warnings) expect(warning.line ?? 2).toBeGreaterThanOrEqual(2);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('in the derive steps, for any value', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const date = parseArticleDate(value, { timeZone: 'Asia/Shanghai', now: TEST_NOW });
        expect(date.iso === null || /^\d{4}-\d\d-\d\dT/.test(date.iso)).toBe(true);
        const title = normalizeTitle(value);
        expect(title === null || title.length > 0).toBe(true);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        expect(parseArticleDate(text, { timeZone: 'UTC', now: TEST_NOW })).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });

  it('and its line rules stay fast on adversarial lines', () => {
    const codeish = fc.string({
      unit: fc.constantFrom(
        '(',
        ')',
        '{',
        '}',
        '[',
        ']',
        ';',
        ' ',
        'a',
        '.',
        '=',
        '"',
        "'",
        ':',
        '#',
        '页',
        '1',
        '，',
      ),
      maxLength: 300,
    });
    fc.assert(
      fc.property(fc.array(codeish, { maxLength: 20 }), (lines) => {
        const started = performance.now();
        findPastedCode(lines);
        decodeText(new TextEncoder().encode(lines.join('\n')));
        expect(performance.now() - started).toBeLessThan(200);
      }),
      { numRuns: 200 },
    );
  });
});

/** Files from a small pool of good and bad kinds, under names that sort in tricky ways. */
const archive = fc.uniqueArray(
  fc.tuple(
    fc.constantFrom('a', 'B', 'é', 'e\u0301x', '新闻', 'sub/z', 'sub/A', '"q"', 'with space'),
    fc.constantFrom(
      ['.md', '---\ntitle: 同一篇\ndate: 2021-07-29 10:00\n---\n<p>同样的正文。</p>'],
      ['.md', '---\ntitle: "坏\ndate: yesterday\n---\n<p>正文。</p>'],
      ['.md', '---\ntitle: 没有结束\n'],
      ['.txt', '标题\n来源 北辰时报\n\u3000\u3000正文。\n页:\n[1]'],
      ['.txt', ''],
      ['.html', '<title>页面</title><p>正文。</p>'],
      ['.csv', 'a,b'],
      ['.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>'],
    ),
  ),
  { minLength: 1, maxLength: 8, selector: ([name, [ext]]) => `${name.normalize('NFC')}${ext}` },
);

describe('ingest output', () => {
  it('is byte-identical across runs and file orderings, and accounts for every file', async () => {
    await fc.assert(
      fc.asyncProperty(archive, fc.func(fc.integer()), async (entries, order) => {
        const files = entries.map(
          ([name, [ext, text]]) => [`${name}${ext}`, text] as [string, string],
        );
        const shuffled = files
          .map((file, index) => ({ file, key: order(index) }))
          .sort((a, b) => a.key - b.key)
          .map(({ file }) => file);
        const first = await makeTempDir();
        const second = await makeTempDir();
        try {
          await writeFiles(join(first, 'in'), files);
          await writeFiles(join(second, 'in'), shuffled);
          const outputs = [];
          for (const dir of [first, second]) {
            const result = await ingestFolder(join(dir, 'in'));
            expect(result.report.summary.found).toBe(files.length);
            expect(result.report.files.map((file) => file.path).sort()).toEqual(
              files.map(([path]) => path.normalize('NFC')).sort(),
            );
            await writeDataFolder(join(dir, 'out'), result);
            outputs.push(await readFolderBytes(join(dir, 'out')));
          }
          expect(outputs[1]).toEqual(outputs[0]);
        } finally {
          await removeDir(first);
          await removeDir(second);
        }
      }),
      { numRuns: 8 },
    );
  }, 60_000);

  it('is byte-identical when the same folder is ingested twice', async () => {
    const dir = await makeTempDir();
    try {
      await writeFiles(join(dir, 'in'), [
        ['a.md', '---\ntitle: 甲\n---\n<p>正文<img src="i.svg"></p>'],
        ['i.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>'],
        ['b.txt', '乙\n正文。'],
      ]);
      await writeDataFolder(join(dir, 'out1'), await ingestFolder(join(dir, 'in')));
      await writeDataFolder(join(dir, 'out2'), await ingestFolder(join(dir, 'in')));
      expect(await readFolderBytes(join(dir, 'out2'))).toEqual(
        await readFolderBytes(join(dir, 'out1')),
      );
    } finally {
      await removeDir(dir);
    }
  });
});
