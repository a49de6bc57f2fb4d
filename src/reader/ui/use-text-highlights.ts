import { useLayoutEffect, type RefObject } from 'react';

/** The name of the highlight styled by `::highlight(search-terms)` in styles.css. */
const HIGHLIGHT_NAME = 'search-terms';

type FindRanges = (text: string) => readonly (readonly [start: number, end: number])[];

/**
 * useTextHighlights: marks what `find` finds in the text under `container` with the CSS Custom
 * Highlight API, which paints ranges without touching the DOM: the sanitized article HTML stays
 * exactly as the sanitizer left it. Text is searched across element boundaries (a term split by
 * a link or <b> is still found). Browsers without the API mark nothing (see canHighlightText).
 */
export function useTextHighlights(
  container: RefObject<HTMLElement | null>,
  find: FindRanges | null,
  contentKey: unknown,
  /** Receives the marked ranges in text order, to go from one to the next. */
  foundRef?: RefObject<Range[]>,
): void {
  useLayoutEffect(() => {
    const root = container.current;
    if (foundRef) foundRef.current = [];
    if (!root || !find || !canHighlightText()) return;
    const nodes: Text[] = [];
    const starts: number[] = [];
    let text = '';
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push(node as Text);
      starts.push(text.length);
      text += (node as Text).data;
    }
    /** The text node holding offset `offset` of the joined text, and the offset inside it. */
    const locate = (offset: number, isEnd: boolean): [Text, number] => {
      let low = 0;
      let high = nodes.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >>> 1;
        const start = starts[middle]!;
        if (start < offset || (!isEnd && start === offset)) low = middle;
        else high = middle - 1;
      }
      return [nodes[low]!, offset - starts[low]!];
    };
    const ranges = find(text).map(([start, end]) => {
      const range = new Range();
      range.setStart(...locate(start, false));
      range.setEnd(...locate(end, true));
      return range;
    });
    CSS.highlights.set(HIGHLIGHT_NAME, new Highlight(...ranges));
    if (foundRef) foundRef.current = ranges;
    return () => {
      CSS.highlights.delete(HIGHLIGHT_NAME);
      CSS.highlights.delete(CURRENT_HIGHLIGHT_NAME);
    };
  }, [container, find, contentKey, foundRef]);
}

/** The match the reader went to, styled by `::highlight(search-term-current)`. */
const CURRENT_HIGHLIGHT_NAME = 'search-term-current';

/** showCurrentMatch: marks `range` as the current match and scrolls it to the upper third. */
export function showCurrentMatch(range: Range) {
  CSS.highlights.set(CURRENT_HIGHLIGHT_NAME, new Highlight(range));
  const { top } = range.getBoundingClientRect();
  window.scrollTo({ top: window.scrollY + top - window.innerHeight / 3 });
}

/** canHighlightText: whether this browser paints highlights (Chromium 105+, Safari 17.2+, Firefox 140+). */
export function canHighlightText(): boolean {
  return typeof Highlight !== 'undefined' && typeof CSS !== 'undefined' && 'highlights' in CSS;
}
