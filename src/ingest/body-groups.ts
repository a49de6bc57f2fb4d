import { SCHEMA_VERSION } from '../manifest/schema';
import { hashOf } from './body-file';
import type { BodyFileRef } from './model';

/**
 * Bodies are written in groups of consecutive documents (see src/manifest/numbering.ts), so an
 * archive of 100,000 articles is not 100,000 files. Where a group ends is decided by content, not
 * by position: a group ends after an article whose id falls on a boundary (one id in
 * BOUNDARY_EVERY, by its last hex digits), or before the article that would take it past
 * GROUP_BYTES. An article added, edited or removed therefore changes the one group it lands in (and
 * at most the cap-cut groups up to the next boundary), never the groups before or after: new
 * articles append to the last group, and a backfilled one joins the group of its date.
 *
 * GROUP_BYTES bounds what opening an article fetches: 64 KiB of body JSON is about 16 KB gzip on
 * the generated corpus (HTML text compresses 3-4×), and stays under 40 KB gzip for text that
 * compresses at least 1.6×. Measured at 3,000 generated articles (docs/scale.md): about 8
 * articles a group, so 100,000 articles make about 12,500 body files.
 */
export const GROUP_BYTES = 64 * 1024;
export const BOUNDARY_EVERY = 24;

/** What the grouping needs of a document: its id and its body's hash and size. */
export interface GroupMember extends BodyFileRef {
  id: string;
}

/** A body group: documents `start…end-1`, its file's hash and size. */
export interface BodyGroupRange {
  start: number;
  end: number;
  hash: string;
  bytes: number;
}

const isBoundary = (id: string) => Number.parseInt(id.slice(-6), 16) % BOUNDARY_EVERY === 0;

const ENVELOPE_HEAD = `{"schemaVersion":${SCHEMA_VERSION},"bodies":[`;
const ENVELOPE_TAIL = ']}';

/** groupFileText: a group file from its bodies' texts, in document order. */
export const groupFileText = (bodies: readonly string[]) =>
  `${ENVELOPE_HEAD}${bodies.join(',')}${ENVELOPE_TAIL}`;

/** The size of a group file with bodies of these sizes, without building it. */
const groupFileBytes = (bodyBytes: number, count: number) =>
  ENVELOPE_HEAD.length + ENVELOPE_TAIL.length + bodyBytes + count - 1;

/**
 * groupBodies: the body groups of documents in document order. The group's hash is a hash of its
 * bodies' hashes, which name their content, so it names the file's content without the file being
 * built: a rebuild finds an unchanged group on disk from the parse cache alone.
 */
export function groupBodies(members: readonly GroupMember[]): BodyGroupRange[] {
  const groups: BodyGroupRange[] = [];
  let start = 0;
  let bytes = 0;
  const close = (end: number) => {
    const hashes = members.slice(start, end).map((member) => member.hash);
    groups.push({
      start,
      end,
      hash: hashOf(hashes.join(',')),
      bytes: groupFileBytes(bytes, end - start),
    });
    start = end;
    bytes = 0;
  };
  members.forEach((member, index) => {
    if (index > start && groupFileBytes(bytes + member.bytes, index + 1 - start) > GROUP_BYTES) {
      close(index);
    }
    bytes += member.bytes;
    if (isBoundary(member.id)) close(index + 1);
  });
  if (start < members.length) close(members.length);
  return groups;
}
