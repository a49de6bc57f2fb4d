import { KEY_FILE_MARK, shardOf } from './layout';
import { intersect, postingsFromText, subtract } from './postings';
import { isSearchable, type ParsedQuery, type QueryTerm } from './query';
import { pairKey } from './tokenize';

/** Where the engine gets the index's files from: fetch in the reader, the disk in tools and tests. */
export interface SearchIndexSource {
  shards: number;
  /** The keys of shard n (see SearchShardSchema). */
  loadShard(shard: number): Promise<Record<string, string>>;
  /** The base64 postings of a key with a file of its own. */
  loadKeyFile(shard: number, index: number): Promise<string>;
}

export interface SearchResult {
  /**
   * Matching documents (see src/manifest/numbering.ts), best first: more terms in the title, then
   * terms side by side, then newer (a higher number).
   */
  rows: Uint32Array;
  /** How many of the best rows have every term in their title. */
  titleMatches: number;
}

const EMPTY = new Uint32Array(0);

/**
 * loadPostings: the rows of every key, fetching each shard once and then the keys' own files;
 * a key the index lacks has no rows.
 */
async function loadPostings(
  keys: Iterable<string>,
  source: SearchIndexSource,
): Promise<Map<string, Uint32Array>> {
  const byShard = new Map<number, string[]>();
  for (const key of new Set(keys)) {
    const shard = shardOf(key, source.shards);
    byShard.set(shard, [...(byShard.get(shard) ?? []), key]);
  }
  const postings = new Map<string, Uint32Array>();
  await Promise.all(
    [...byShard].map(async ([shard, shardKeys]) => {
      const entries = await source.loadShard(shard);
      await Promise.all(
        shardKeys.map(async (key) => {
          const value = Object.hasOwn(entries, key) ? entries[key]! : null;
          if (value === null) postings.set(key, EMPTY);
          else if (value.startsWith(KEY_FILE_MARK)) {
            const index = Number(value.slice(KEY_FILE_MARK.length));
            postings.set(key, postingsFromText(await source.loadKeyFile(shard, index)));
          } else postings.set(key, postingsFromText(value));
        }),
      );
    }),
  );
  return postings;
}

function intersectAll(lists: Uint32Array[]): Uint32Array {
  if (lists.length === 0) return EMPTY;
  // Smallest first: every later intersection is bounded by it.
  const [first, ...rest] = [...lists].sort((a, b) => a.length - b.length);
  return rest.reduce((rows, list) => (rows.length === 0 ? rows : intersect(rows, list)), first!);
}

function union(lists: Uint32Array[], rowCount: number): Uint32Array {
  const marks = new Uint8Array(rowCount);
  for (const list of lists) for (const row of list) marks[row] = 1;
  const rows: number[] = [];
  marks.forEach((mark, row) => {
    if (mark) rows.push(row);
  });
  return Uint32Array.from(rows);
}

const rowsOf = (keys: string[], postings: Map<string, Uint32Array>) =>
  intersectAll(keys.map((key) => postings.get(key) ?? EMPTY));

/** termRows: the rows containing the term (titles only for a lone Chinese character). */
const termRows = (term: QueryTerm, postings: Map<string, Uint32Array>) =>
  rowsOf(term.keys.length > 0 ? term.keys : term.titleKeys, postings);

/**
 * junctionKeys: for consecutive terms typed apart (`北约 峰会`), the key of their meeting point
 * (`约峰`): an article that has it has them side by side, which ranks it closer.
 */
function junctionKeys(terms: QueryTerm[]): string[] {
  const keys: string[] = [];
  for (let index = 1; index < terms.length; index += 1) {
    const before = terms[index - 1]!.units.at(-1)!;
    const after = terms[index]!.units[0]!;
    keys.push(pairKey(before, after));
  }
  return keys;
}

/**
 * search: the ranked rows of an index matching a query. Candidates are the rows with every key of
 * every term, less those with any excluded term; they are ranked by how many terms their title
 * has, then how many pairs of terms stand side by side, then newest (highest document number)
 * first. Postings are document numbers, ascending; `rowCount` is the number of documents.
 */
export async function search(
  query: ParsedQuery,
  source: SearchIndexSource,
  rowCount: number,
): Promise<SearchResult> {
  const included = query.terms.filter((term) => !term.exclude);
  const excluded = query.terms.filter((term) => term.exclude);
  const junctions = junctionKeys(included);
  const postings = await loadPostings(
    query.terms.flatMap((term) => [...term.keys, ...term.titleKeys]).concat(junctions),
    source,
  );

  let rows: Uint32Array = isSearchable(query)
    ? intersectAll(included.map((term) => termRows(term, postings)))
    : Uint32Array.from({ length: rowCount }, (_, row) => row);
  if (excluded.length > 0 && rows.length > 0) {
    rows = subtract(
      rows,
      union(
        excluded.map((term) => termRows(term, postings)),
        rowCount,
      ),
    );
  }
  if (included.length === 0) return { rows: rows.slice().reverse(), titleMatches: 0 };

  const score = new Uint16Array(rowCount);
  for (const term of included) {
    for (const row of rowsOf(term.titleKeys, postings)) score[row]! += included.length;
  }
  for (const key of junctions) for (const row of postings.get(key) ?? EMPTY) score[row]! += 1;
  // Scores are small integers: bucket the rows (newest first) by score, best bucket first.
  const maxScore = included.length * included.length + junctions.length;
  const buckets = Array.from({ length: maxScore + 1 }, () => [] as number[]);
  for (let index = rows.length - 1; index >= 0; index -= 1) {
    const row = rows[index]!;
    buckets[Math.min(score[row]!, maxScore)]!.push(row);
  }
  const ranked = new Uint32Array(rows.length);
  let position = 0;
  for (let bucket = maxScore; bucket >= 0; bucket -= 1) {
    for (const row of buckets[bucket]!) ranked[position++] = row;
  }
  const allInTitle = included.length * included.length;
  let titleMatches = 0;
  for (let bucket = maxScore; bucket >= allInTitle; bucket -= 1)
    titleMatches += buckets[bucket]!.length;
  return { rows: ranked, titleMatches };
}
