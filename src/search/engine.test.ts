import { describe, expect, it } from 'vitest';
import { buildSearchIndex, type SearchDocument } from './build-index';
import { search } from './engine';
import { indexSource } from './index-source';
import { parseQuery } from './query';

/**
 * Rows 0… in list order: newest first. The index numbers documents the other way (oldest is 0,
 * see src/manifest/numbering.ts), so find builds it from the reversed list and maps back.
 */
const documents: SearchDocument[] = [
  { title: '北约峰会闭幕', text: '各国领导人讨论了防务开支。' },
  { title: '军控谈判重启', text: '双方就新削减战略武器条约的延期交换意见，北约表示欢迎。' },
  { title: '條約續簽', text: '雙方同意將新削減戰略武器條約延長五年。' },
  { title: 'Summit ends', text: 'NATO leaders discussed arms control and sanctions.' },
  { title: '芯片出口', text: '新规限制 H100 芯片出口，control of arms 另有规定。' },
  { title: '北约与俄罗斯', text: '北约 峰会前夕，俄罗斯 提出新的条约草案。' },
];

function indexOf(docs: SearchDocument[]) {
  const { shards, files } = buildSearchIndex([...docs].reverse());
  const byPath = new Map(files.map((file) => [file.path, file.text]));
  const loaded: string[] = [];
  const source = indexSource(shards, async (path) => {
    loaded.push(path);
    const text = byPath.get(path);
    if (text === undefined) throw new Error(`no file ${path}`);
    return JSON.parse(text);
  });
  return { source, loaded };
}

async function find(query: string, docs = documents): Promise<number[]> {
  const { rows } = await search(parseQuery(query), indexOf(docs).source, docs.length);
  return [...rows].map((document) => docs.length - 1 - document);
}

describe('search', () => {
  it('finds a Chinese substring across word boundaries, in either script', async () => {
    expect(await find('削减战略')).toEqual([1, 2]);
    expect(await find('戰略武器')).toEqual([1, 2]);
  });

  it('ranks title matches first, then newer rows', async () => {
    expect(await find('条约')).toEqual([2, 1, 5]);
  });

  it('finds single characters in titles only', async () => {
    expect(await find('约')).toEqual([0, 2, 5]);
  });

  it('matches Latin words by stem and case', async () => {
    expect(await find('SANCTION')).toEqual([3]);
    expect(await find('nato')).toEqual([3]);
  });

  it('needs every term of a mixed query', async () => {
    expect(await find('NATO arms')).toEqual([3]);
    expect(await find('H100 芯片')).toEqual([4]);
  });

  it('matches quoted phrases only where the words are neighbours', async () => {
    expect(await find('arms control')).toEqual([3, 4]);
    expect(await find('"arms control"')).toEqual([3]);
  });

  it('excludes terms after a minus', async () => {
    expect(await find('条约 -俄罗斯')).toEqual([2, 1]);
    expect(await find('-北约')).toEqual([2, 3, 4]);
  });

  it('ranks terms side by side above terms apart', async () => {
    const { rows, titleMatches } = await search(
      parseQuery('北约 峰会'),
      indexOf(documents).source,
      documents.length,
    );
    expect([...rows].map((document) => documents.length - 1 - document)).toEqual([0, 5]);
    expect(titleMatches).toBe(1);
  });

  it('finds nothing for a word no article has', async () => {
    expect(await find('潜艇')).toEqual([]);
  });

  it('loads each shard a query needs once', async () => {
    const { source, loaded } = indexOf(documents);
    await search(parseQuery('削减战略 条约'), source, documents.length);
    expect(new Set(loaded).size).toBe(loaded.length);
  });

  it('reads postings from their own files when they are large', async () => {
    const many = Array.from({ length: 20_000 }, (_, index) => ({
      title: `第${index}号`,
      text: index % 2 === 0 ? '战略稳定' : '其他内容',
    }));
    const { source, loaded } = indexOf(many);
    const { rows } = await search(parseQuery('战略稳定'), source, many.length);
    expect(rows.length).toBe(10_000);
    expect(loaded.some((path) => /^search\/\d+-\d+\.json$/.test(path))).toBe(true);
    // Indexing 20,000 documents takes a few seconds when the machine is shared.
  }, 30_000);
});
