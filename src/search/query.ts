import { foldText } from './fold';
import { pairKey, TITLE_PREFIX, units, type Unit } from './tokenize';

/**
 * Query syntax: words separated by spaces must all be found (in any order); "a phrase" (or “…”,
 * 「…」, 『…』) must be found as written; -word or -"a phrase" excludes articles that have it.
 */

export interface QueryTerm {
  /** The term as typed, folded (see fold.ts). */
  folded: string;
  units: Unit[];
  /** Quoted: its words must be neighbours. (Unquoted, a term is one space-free run anyway.) */
  phrase: boolean;
  exclude: boolean;
  /**
   * Keys of the whole text that an article matching the term has, every one. Empty for a term of a
   * single Chinese character, which only titles index (see tokenize.ts).
   */
  keys: string[];
  /** Keys its title has when the term is in the title. */
  titleKeys: string[];
}

export interface ParsedQuery {
  terms: QueryTerm[];
}

/** Terms read from one query, at most; the rest is ignored rather than making a slow search. */
export const MAX_TERMS = 12;

const TERM = /(-?)(?:"([^"]*)"?|“([^”]*)”?|「([^」]*)」?|『([^』]*)』?|([^\s"“「『]+))/gu;

/** termKeys: what an article must have to contain the term (see QueryTerm). */
function termKeys(termUnits: Unit[]): { keys: string[]; titleKeys: string[] } {
  const keys = new Set<string>();
  termUnits.forEach((unit, index) => {
    if (unit.kind === 'word') keys.add(unit.key);
    const previous = termUnits[index - 1];
    if (previous && !unit.detached) keys.add(pairKey(previous, unit));
  });
  if (keys.size === 0) {
    // Only lone Chinese characters: titles index those, bodies do not.
    const titleKeys = [...new Set(termUnits.map((unit) => TITLE_PREFIX + unit.key))];
    return { keys: [], titleKeys };
  }
  return { keys: [...keys], titleKeys: [...keys].map((key) => TITLE_PREFIX + key) };
}

/** parseQuery: the terms of what the reader typed; terms without any letter are dropped. */
export function parseQuery(raw: string): ParsedQuery {
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  for (const match of foldText(raw).matchAll(TERM)) {
    const [, minus, ...alternatives] = match;
    const quotedIndex = alternatives.findIndex((text) => text !== undefined);
    const folded = alternatives[quotedIndex]!.trim();
    const phrase = quotedIndex < alternatives.length - 1;
    const termUnits = units(folded);
    if (termUnits.length === 0) continue;
    const exclude = minus === '-';
    const identity = `${exclude ? '-' : '+'}${phrase ? '"' : ''}${folded}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    terms.push({ folded, units: termUnits, phrase, exclude, ...termKeys(termUnits) });
    if (terms.length === MAX_TERMS) break;
  }
  return { terms };
}

/** isSearchable: whether the query has a term to look for (not just exclusions or nothing). */
export function isSearchable(query: ParsedQuery): boolean {
  return query.terms.some((term) => !term.exclude);
}
