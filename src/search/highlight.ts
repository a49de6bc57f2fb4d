import { foldWithOffsets } from './fold';
import type { ParsedQuery } from './query';
import { units } from './tokenize';

/** A stretch of the original text, [start, end) in UTF-16 code units. */
export type TextRange = readonly [start: number, end: number];

interface TermMatch {
  start: number;
  end: number;
  term: number;
}

/**
 * termMatches: where the query's terms (not its exclusions) occur in a text, by the same rules as
 * the index: folded, stemmed, a term's units in a row (whitespace between them allowed, and
 * punctuation too where the query had it).
 */
function termMatches(text: string, query: ParsedQuery): TermMatch[] {
  const folded = foldWithOffsets(text);
  const textUnits = units(folded.text);
  const matches: TermMatch[] = [];
  query.terms.forEach((term, termIndex) => {
    if (term.exclude) return;
    const length = term.units.length;
    for (let start = 0; start + length <= textUnits.length; start += 1) {
      let found = true;
      for (let offset = 0; offset < length && found; offset += 1) {
        const wanted = term.units[offset]!;
        const unit = textUnits[start + offset]!;
        found = unit.key === wanted.key && (offset === 0 || wanted.detached || !unit.detached);
      }
      if (!found) continue;
      matches.push({
        start: folded.offsets[textUnits[start]!.start]!,
        end: folded.offsets[textUnits[start + length - 1]!.end]!,
        term: termIndex,
      });
    }
  });
  return matches.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** mergeRanges: sorted ranges with overlapping and touching ones joined. */
function mergeRanges(matches: readonly TermMatch[]): TextRange[] {
  const merged: [number, number][] = [];
  for (const { start, end } of matches) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** findMatches: the stretches of a text to highlight for a query, sorted and not overlapping. */
export function findMatches(text: string, query: ParsedQuery): TextRange[] {
  return mergeRanges(termMatches(text, query));
}

export interface Snippet {
  text: string;
  /** Highlights, relative to `text`. */
  ranges: TextRange[];
  /** Whether text was cut before and after the snippet. */
  cutBefore: boolean;
  cutAfter: boolean;
}

/** Characters shown before the first match, so it is read in context. */
const LEAD = 24;

/**
 * makeSnippet: about `length` characters of a text around the stretch where most of the query's
 * terms occur (the earliest such stretch), or null when no term occurs.
 */
export function makeSnippet(text: string, query: ParsedQuery, length = 120): Snippet | null {
  const matches = termMatches(text, query);
  if (matches.length === 0) return null;
  let best = matches[0]!.start;
  let bestTerms = 0;
  for (let first = 0; first < matches.length && first < 500; first += 1) {
    const windowEnd = matches[first]!.start + length - LEAD;
    const terms = new Set<number>();
    for (let next = first; next < matches.length && matches[next]!.end <= windowEnd; next += 1) {
      terms.add(matches[next]!.term);
    }
    if (terms.size > bestTerms) {
      bestTerms = terms.size;
      best = matches[first]!.start;
    }
  }
  let start = Math.max(0, best - LEAD);
  // Do not start inside a surrogate pair.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start]!)) start -= 1;
  let end = Math.min(text.length, start + length);
  if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end += 1;
  const ranges = mergeRanges(matches)
    .filter(([rangeStart, rangeEnd]) => rangeEnd > start && rangeStart < end)
    .map(([rangeStart, rangeEnd]): TextRange => [
      Math.max(rangeStart, start) - start,
      Math.min(rangeEnd, end) - start,
    ]);
  return {
    text: text.slice(start, end),
    ranges,
    cutBefore: start > 0,
    cutAfter: end < text.length,
  };
}
