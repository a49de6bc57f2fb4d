import { describe, expect, it } from 'vitest';
import {
  findKeyLines,
  readFrontMatter,
  readLenientFrontMatter,
  splitFrontMatter,
} from './front-matter';

describe('splitFrontMatter', () => {
  it('allows blank lines before the opening ---', () => {
    expect(splitFrontMatter('\n\n---\ntitle: a\n---\nbody\n')).toEqual({
      kind: 'front-matter',
      language: 'yaml',
      line: 3,
      yaml: 'title: a',
      body: 'body\n',
      yamlStartLine: 4,
      bodyStartLine: 6,
    });
  });

  it('closes with --- or ...', () => {
    expect(splitFrontMatter('---\ntitle: a\n...\nbody')).toMatchObject({ body: 'body' });
  });

  it('reports an opening --- that is never closed, with its line', () => {
    expect(splitFrontMatter('\n---\ntitle: a\nbody\n')).toEqual({ kind: 'unclosed', line: 2 });
  });

  it('reads ---yaml and ---json as YAML and names any other language', () => {
    expect(splitFrontMatter('---yaml\na: 1\n---\n')).toMatchObject({ language: 'yaml' });
    expect(splitFrontMatter('---json\n{"a": 1}\n---\n')).toMatchObject({ language: 'yaml' });
    expect(splitFrontMatter('---js\n{ a: 1 }\n---\n')).toMatchObject({ language: 'js', line: 1 });
    expect(splitFrontMatter('---javascript\n{}\n---\n')).toMatchObject({
      language: 'javascript',
    });
  });

  it('finds none when the text does not open with ---', () => {
    expect(splitFrontMatter('title: a\n---\n')).toEqual({ kind: 'none' });
    expect(splitFrontMatter('text\n---\nmore')).toEqual({ kind: 'none' });
  });
});

describe('readFrontMatter', () => {
  it('reads valid YAML strictly, keeping dates as text and numbers as written', () => {
    expect(
      readFrontMatter('title: 1.10\ndate: 2021-07-29 13:05:00\ncategories: [a, b]\nn: 7', 2),
    ).toEqual({
      data: { title: '1.10', date: '2021-07-29 13:05:00', categories: ['a', 'b'], n: '7' },
      warnings: [],
    });
  });

  it('never resolves executable tags', () => {
    const { data } = readFrontMatter("title: !!js/function 'function () { return 1 }'", 2);
    expect(data.title).toBe('function () { return 1 }');
  });

  it('ignores front matter that is not a mapping, with a warning', () => {
    expect(readFrontMatter('- a\n- b', 2)).toEqual({
      data: {},
      warnings: [{ message: 'front matter is not a mapping of keys; ignored', line: 2 }],
    });
    expect(readFrontMatter('', 2)).toEqual({ data: {}, warnings: [] });
  });

  it('falls back to a lenient reading for tabs, naming the line', () => {
    expect(readFrontMatter('title: a\ncategories:\n\t- x\n\t- y', 5)).toEqual({
      data: { title: 'a', categories: ['x', 'y'] },
      warnings: [
        {
          message:
            'front matter read leniently (not valid YAML): Tabs are not allowed as indentation',
          line: 7,
        },
      ],
    });
  });

  it('reads stacked and unclosed quotes and duplicate keys leniently, each with its line', () => {
    const { data, warnings } = readFrontMatter(
      `title: """'一'"""\nauthor: "乙\ntitle: 丙\nlist:\n  - '丁'`,
      2,
    );
    expect(data).toEqual({ title: '丙', author: '乙', list: ['丁'] });
    expect(warnings).toEqual([
      {
        message: 'front matter read leniently (not valid YAML): value wrapped in stacked quotes',
        line: 2,
      },
      {
        message: 'front matter read leniently (not valid YAML): a quote is never closed',
        line: 3,
      },
      {
        message:
          'front matter read leniently (not valid YAML): duplicate key "title" (first at line 2); the later value is used',
        line: 4,
      },
    ]);
  });
});

describe('readLenientFrontMatter', () => {
  it('reads key: value lines, lists, flow lists and comments', () => {
    expect(
      readLenientFrontMatter(
        "# comment\ntitle: C# 入门 # note\ntags: [a, 'b', \"c\"]\nempty:\nheadimg: 'https://x.example/a.jpg'\nit's: ''",
      ).data,
    ).toEqual({
      title: 'C# 入门',
      tags: ['a', 'b', 'c'],
      empty: null,
      headimg: 'https://x.example/a.jpg',
    });
  });
});

describe('findKeyLines', () => {
  it('gives the file line of each top-level key', () => {
    expect(findKeyLines('title: a\ncategories:\n - x\ndate: b', 3)).toEqual({
      title: 3,
      categories: 4,
      date: 6,
    });
  });
});
