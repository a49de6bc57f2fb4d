import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexChange } from './index-change';
import { SearchIndexState } from './index-state';

const texts = ['条约 arms', '北约峰会', 'NATO 2021', '新削减战略武器条约', 'control 條約'];
const documentOf = (id: string, version: number) => ({
  title: `${id} ${texts[version % texts.length]!}`,
  text: texts[(version + id.length) % texts.length]!,
});

describe('indexChange', () => {
  it('updates a state to the full build of any reordered, edited, grown or shrunk list', () => {
    const ids = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { maxLength: 25 });
    const edit = fc.record({ ids, versions: fc.array(fc.nat({ max: 4 }), { maxLength: 25 }) });
    fc.assert(
      fc.property(edit, edit, (before, after) => {
        const versionOf = (list: typeof before, index: number) => list.versions[index] ?? 0;
        const previous = before.ids.map((id, index) => documentOf(id, versionOf(before, index)));
        const previousVersion = new Map(
          before.ids.map((id, index) => [id, versionOf(before, index)]),
        );
        const next = after.ids.map((id, index) => documentOf(id, versionOf(after, index)));
        const listed = after.ids.map((id, index) => ({
          id,
          unchanged: previousVersion.get(id) === versionOf(after, index),
        }));
        const read: number[] = [];
        const change = indexChange(before.ids, listed, (row) => {
          read.push(row);
          return next[row]!;
        });
        const updated = SearchIndexState.build(previous).update(change);
        expect(updated.save()).toEqual(SearchIndexState.build(next).save());
        expect(read).toEqual(change.added.map(({ row }) => row));
      }),
      { numRuns: 80 },
    );
  }, 60_000);

  it('re-reads only the documents that are new or edited when the order holds', () => {
    const listed = [
      { id: 'new', unchanged: false },
      { id: 'a', unchanged: true },
      { id: 'b', unchanged: false },
      { id: 'c', unchanged: true },
    ];
    const change = indexChange(['a', 'b', 'gone', 'c'], listed, (row) =>
      documentOf(listed[row]!.id, 0),
    );
    expect([...change.rowMap]).toEqual([1, -1, -1, 3]);
    expect(change.added.map(({ row }) => row)).toEqual([0, 2]);
  });
});
