import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSearchKeyFile, parseSearchShard } from '../manifest/parse';
import { SCHEMA_VERSION } from '../manifest/schema';
import { buildSearchIndex } from './build-index';
import { foldText } from './fold';
import type { IndexLayout, SearchIndexFiles } from './index-files';
import { IndexStateError, SearchIndexState, type SearchDocument } from './index-state';
import { KEY_FILE_MARK, keyFilePath, shardOf, shardPath } from './layout';
import { PostingsBuilder, postingsToText } from './postings';
import { indexKeys } from './tokenize';

/**
 * The straightforward builder the fast one is held to: string keys from indexKeys, a map of
 * postings builders, and each file as JSON.stringify of its schema-checked document. It is the
 * builder ingest used before the fast one, so equal files mean unchanged output.
 */
function referenceIndex(
  documents: readonly SearchDocument[],
  layout: IndexLayout,
): SearchIndexFiles {
  const postings = new Map<string, PostingsBuilder>();
  const add = (key: string, row: number) => {
    let builder = postings.get(key);
    if (!builder) {
      builder = new PostingsBuilder();
      postings.set(key, builder);
    }
    builder.add(row);
  };
  documents.forEach((document, row) => {
    const title = foldText(document.title);
    for (const key of indexKeys(`${title}\n${foldText(document.text)}`, { title: false })) {
      add(key, row);
    }
    for (const key of indexKeys(title, { title: true })) add(key, row);
  });
  const encoded = [...postings]
    .map(([key, builder]) => [key, postingsToText(builder.encode())] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let sharedCharacters = 0;
  for (const [key, text] of encoded) {
    if (text.length <= layout.ownFileCharacters) sharedCharacters += key.length + text.length + 6;
  }
  const shards = Math.max(1, Math.ceil(sharedCharacters / layout.shardCharacters));
  const shardKeys = Array.from({ length: shards }, () => ({}) as Record<string, string>);
  const ownFiles = new Array<number>(shards).fill(0);
  const files: SearchIndexFiles['files'] = [];
  for (const [key, text] of encoded) {
    const shard = shardOf(key, shards);
    if (text.length <= layout.ownFileCharacters) {
      shardKeys[shard]![key] = text;
      continue;
    }
    const index = ownFiles[shard]!;
    ownFiles[shard] = index + 1;
    shardKeys[shard]![key] = `${KEY_FILE_MARK}${index}`;
    const path = keyFilePath(shard, index);
    const document = { schemaVersion: SCHEMA_VERSION, key, postings: text };
    files.push({ path, text: JSON.stringify(parseSearchKeyFile(document, path)) });
  }
  shardKeys.forEach((keys, shard) => {
    const path = shardPath(shard);
    const document = { schemaVersion: SCHEMA_VERSION, shard, keys };
    files.push({ path, text: JSON.stringify(parseSearchShard(document, path)) });
  });
  return { shards, files, keys: encoded.length };
}

/** Pieces that exercise folding and tokenizing: scripts, widths, numbers, marks, surrogates. */
const piece = fc.constantFrom(
  '条约',
  '條約',
  '新削减战略武器条约',
  '北约峰会',
  '裡',
  '里',
  'NATO',
  'arms control',
  'Sanctions',
  'sanctioned',
  'Café',
  'ＡＢＣ１２３',
  'ﬁnance',
  '①',
  'H100芯片',
  '2021',
  '0',
  '007',
  '4294967294',
  '4294967295',
  'ｶﾀｶﾅ',
  '한국',
  '𠀀𠀁',
  '𝐀',
  '\ud800',
  '\udc00x',
  'e\u0301',
  ' ',
  '\n',
  '，',
  '。 ',
  '-',
  '"',
  '\\',
  '^',
);
const text = fc.array(piece, { maxLength: 14 }).map((pieces) => pieces.join(''));
const documentArbitrary = fc.record({ title: text, text });
const layoutArbitrary = fc.record({
  ownFileCharacters: fc.constantFrom(4, 8, 1024),
  shardCharacters: fc.constantFrom(16, 64, 4096),
});

describe('buildSearchIndex', () => {
  it('writes the same files as the reference builder', () => {
    fc.assert(
      fc.property(
        fc.array(documentArbitrary, { maxLength: 40 }),
        layoutArbitrary,
        (documents, layout) => {
          expect(buildSearchIndex(documents, layout)).toEqual(referenceIndex(documents, layout));
        },
      ),
      { numRuns: 100 },
    );
  }, 120_000);

  it('writes files that parse against their schemas', () => {
    const documents = Array.from({ length: 40 }, (_, row) => ({
      title: row % 2 ? '新削减战略武器条约' : 'Arms control',
      text: row % 5 ? 'NATO 北约峰会 2021 年 arms control' : '條約 2021 ＡＢＣ１２３',
    }));
    const { files } = buildSearchIndex(documents, { ownFileCharacters: 4, shardCharacters: 64 });
    expect(files.some((file) => /-\d+\.json$/.test(file.path))).toBe(true);
    for (const file of files) {
      const parse = /-\d+\.json$/.test(file.path) ? parseSearchKeyFile : parseSearchShard;
      expect(() => parse(JSON.parse(file.text), file.path)).not.toThrow();
    }
  });

  it('lays out rows beyond a bitmap byte and gaps beyond one varint byte like the reference', () => {
    const documents = Array.from({ length: 600 }, (_, row) => ({
      title: row % 3 === 0 ? '条约' : 'other',
      text: row % 257 === 0 ? 'rare 北约' : `common ${row % 7} 峰会`,
    }));
    const layout = { ownFileCharacters: 1024, shardCharacters: 4096 };
    expect(buildSearchIndex(documents, layout)).toEqual(referenceIndex(documents, layout));
  });

  it('keeps keys apart past the sizes its tables start with', () => {
    // Thousands of distinct words and character pairs: the word and key tables grow many times.
    const documents = Array.from({ length: 1500 }, (_, row) => ({
      title: String.fromCodePoint(0x4e00 + ((row * 7) % 3000), 0x4e00 + ((row * 13) % 3000)),
      text: `word${row} ${String.fromCodePoint(0x20000 + (row % 50))}${String.fromCodePoint(0x4e00 + row)} x${row % 97}`,
    }));
    const layout = { ownFileCharacters: 1024, shardCharacters: 4096 };
    expect(buildSearchIndex(documents, layout)).toEqual(referenceIndex(documents, layout));
  }, 60_000);
});

/** A change: each current row kept or removed, and new documents placed among the kept. */
const changeArbitrary = (current: number) =>
  fc.record({
    kept: fc.array(fc.boolean(), { minLength: current, maxLength: current }),
    added: fc.array(fc.record({ slot: fc.nat(), document: documentArbitrary }), { maxLength: 8 }),
  });

interface AppliedChange {
  documents: SearchDocument[];
  rowMap: Int32Array;
  added: { row: number; document: SearchDocument }[];
}

/** applyChange: the documents after the change, and the change as SearchIndexState.update takes it. */
function applyChange(
  documents: readonly SearchDocument[],
  kept: readonly boolean[],
  added: readonly { slot: number; document: SearchDocument }[],
): AppliedChange {
  type Entry = { old: number } | { document: SearchDocument };
  const entries: Entry[] = documents.flatMap((_, old) => (kept[old] ? [{ old }] : []));
  for (const { slot, document } of added)
    entries.splice(slot % (entries.length + 1), 0, { document });
  const rowMap = new Int32Array(documents.length).fill(-1);
  const next: SearchDocument[] = [];
  const placed: AppliedChange['added'] = [];
  entries.forEach((entry, row) => {
    if ('old' in entry) {
      rowMap[entry.old] = row;
      next.push(documents[entry.old]!);
    } else {
      placed.push({ row, document: entry.document });
      next.push(entry.document);
    }
  });
  return { documents: next, rowMap, added: placed };
}

describe('SearchIndexState.update', () => {
  it('gives the files of a full build after any sequence of removals, shifts and additions', () => {
    const steps = fc.array(
      fc.tuple(
        fc.array(fc.boolean(), { maxLength: 60 }),
        fc.array(fc.record({ slot: fc.nat(), document: documentArbitrary }), { maxLength: 8 }),
      ),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(
        fc.array(documentArbitrary, { maxLength: 30 }),
        steps,
        layoutArbitrary,
        (initial, changes, layout) => {
          let documents: SearchDocument[] = initial;
          let state = SearchIndexState.build(documents);
          for (const [keptPattern, added] of changes) {
            const kept = documents.map((_, row) => keptPattern[row] ?? true);
            const change = applyChange(documents, kept, added);
            state = SearchIndexState.load(state.update(change).save());
            documents = change.documents;
            expect(state.files(layout)).toEqual(referenceIndex(documents, layout));
          }
          expect(state.save()).toEqual(SearchIndexState.build(documents).save());
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);

  it('takes a change generated for the current rows', () => {
    fc.assert(
      fc.property(
        fc
          .array(documentArbitrary, { maxLength: 20 })
          .chain((documents) =>
            fc.tuple(fc.constant(documents), changeArbitrary(documents.length)),
          ),
        ([documents, { kept, added }]) => {
          const change = applyChange(documents, kept, added);
          const updated = SearchIndexState.build(documents).update(change);
          expect(updated.documents).toBe(change.documents.length);
          expect(updated.save()).toEqual(SearchIndexState.build(change.documents).save());
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);

  it('renumbers gaps that change their varint length', () => {
    const documents = Array.from({ length: 400 }, (_, row) => ({
      title: `t${row % 3}`,
      text: [0, 127, 128, 256, 399].includes(row) ? 'rare 条约' : `common ${row % 5}`,
    }));
    const kept = documents.map((_, row) => row < 1 || row > 40);
    const added = Array.from({ length: 90 }, (_, index) => ({
      slot: index * 3,
      document: { title: 'new', text: index % 2 ? 'rare' : '条约' },
    }));
    const change = applyChange(documents, kept, added);
    const layout = { ownFileCharacters: 1024, shardCharacters: 4096 };
    const updated = SearchIndexState.build(documents).update(change);
    expect(updated.files(layout)).toEqual(referenceIndex(change.documents, layout));
  }, 60_000);

  it('refuses a change that does not fit the rows', () => {
    const state = SearchIndexState.build([
      { title: 'a', text: '条约' },
      { title: 'b', text: '北约' },
    ]);
    const document = { title: 'c', text: 'c' };
    expect(() => state.update({ rowMap: Int32Array.of(0), added: [] })).toThrow(IndexStateError);
    expect(() => state.update({ rowMap: Int32Array.of(1, 0), added: [] })).toThrow(IndexStateError);
    expect(() => state.update({ rowMap: Int32Array.of(0, 2), added: [] })).toThrow(IndexStateError);
    expect(() =>
      state.update({ rowMap: Int32Array.of(0, 1), added: [{ row: 1, document }] }),
    ).toThrow(IndexStateError);
    expect(() =>
      state.update({ rowMap: Int32Array.of(0, 2), added: [{ row: 1, document }] }),
    ).not.toThrow();
  });
});

describe('SearchIndexState.load', () => {
  it('refuses bytes that are not a saved state', () => {
    const saved = SearchIndexState.build([{ title: '条约', text: 'arms' }]).save();
    expect(() => SearchIndexState.load(saved.subarray(0, saved.length - 1))).toThrow(
      IndexStateError,
    );
    expect(() => SearchIndexState.load(new Uint8Array(64))).toThrow(IndexStateError);
    // As read from a file: a Node Buffer, whose slice() is a view, at an odd offset of its pool.
    const read = Buffer.concat([Buffer.of(1), Buffer.from(saved)]).subarray(1);
    expect(SearchIndexState.load(read).save()).toEqual(saved);
    expect(SearchIndexState.load(saved).files()).toEqual(
      buildSearchIndex([{ title: '条约', text: 'arms' }]),
    );
  });
});
