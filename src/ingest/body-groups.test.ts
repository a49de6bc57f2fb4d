import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupBodies, GROUP_BYTES, groupFileText, type GroupMember } from './body-groups';
import { hashOf } from './body-file';

/** A member with a body of `bytes` bytes; its hash stands for its content. */
const member = (id: string, bytes: number): GroupMember => ({
  id,
  bytes,
  hash: hashOf(`${id}:${bytes}`),
});

const idArbitrary = fc.stringMatching(/^[0-9a-f]{12}$/);
const membersArbitrary = fc
  .uniqueArray(fc.record({ id: idArbitrary, bytes: fc.integer({ min: 50, max: 40_000 }) }), {
    selector: (entry) => entry.id,
    minLength: 1,
    maxLength: 300,
  })
  .map((entries) => entries.map((entry) => member(entry.id, entry.bytes)));

/** The group files' names and contents, as the set a host would hold. */
const names = (members: readonly GroupMember[]) =>
  new Set(groupBodies(members).map((group) => group.hash));

describe('groupBodies', () => {
  it('covers every document once, in order, in groups within the byte cap', () => {
    fc.assert(
      fc.property(membersArbitrary, (members) => {
        const groups = groupBodies(members);
        expect(groups[0]!.start).toBe(0);
        expect(groups.at(-1)!.end).toBe(members.length);
        groups.forEach((group, index) => {
          expect(group.end).toBeGreaterThan(group.start);
          if (index > 0) expect(group.start).toBe(groups[index - 1]!.end);
          const texts = members
            .slice(group.start, group.end)
            .map((entry) => 'x'.repeat(entry.bytes));
          // The size it names without building the file is the file's size.
          expect(group.bytes).toBe(Buffer.byteLength(groupFileText(texts)));
          if (group.end - group.start > 1) expect(group.bytes).toBeLessThanOrEqual(GROUP_BYTES);
        });
      }),
    );
  });

  it('renames only the last group when documents are appended', () => {
    fc.assert(
      fc.property(membersArbitrary, membersArbitrary, (before, added) => {
        const known = new Set(before.map((entry) => entry.id));
        const after = [...before, ...added.filter((entry) => !known.has(entry.id))];
        const old = groupBodies(before);
        const kept = names(after);
        const lost = old.filter((group) => !kept.has(group.hash));
        expect(lost.length).toBeLessThanOrEqual(1);
        if (lost.length === 1) expect(lost[0]).toEqual(old.at(-1));
      }),
    );
  });

  it('renames at most the groups up to the next boundary when one document is inserted or removed', () => {
    fc.assert(
      fc.property(
        membersArbitrary,
        fc.constant(member('fedcba987654', 3000)),
        fc.nat(),
        (members, inserted, at) => {
          fc.pre(!members.some((entry) => entry.id === inserted.id));
          const position = at % (members.length + 1);
          const withInsert = [...members.slice(0, position), inserted, ...members.slice(position)];
          const old = groupBodies(members);
          const changed = old.filter((group) => !names(withInsert).has(group.hash));
          // Every renamed group is contiguous with the insertion point: the ones before it are not.
          for (const group of changed) expect(group.end).toBeGreaterThanOrEqual(position);
          const removed = groupBodies(withInsert).filter(
            (group) => !names(members).has(group.hash),
          );
          expect(removed.length).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('names a group by its bodies: the same bodies give the same name, a changed body another', () => {
    const members = [member('000000000001', 100), member('000000000002', 200)];
    expect(groupBodies(members)).toEqual(groupBodies(members.map((entry) => ({ ...entry }))));
    const edited = [members[0]!, { ...members[1]!, hash: hashOf('edited') }];
    expect(groupBodies(edited)[0]!.hash).not.toBe(groupBodies(members)[0]!.hash);
  });
});
