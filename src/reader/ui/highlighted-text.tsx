export type MarkRange = readonly [start: number, end: number];

interface HighlightedTextProps {
  text: string;
  /** Stretches to mark, sorted and not overlapping. */
  ranges: readonly MarkRange[];
}

/** HighlightedText: text with some stretches in <mark>, built from text nodes only. */
export function HighlightedText({ text, ranges }: HighlightedTextProps) {
  if (ranges.length === 0) return <>{text}</>;
  const parts = [];
  let position = 0;
  for (const [start, end] of ranges) {
    if (start > position) parts.push(text.slice(position, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    position = end;
  }
  if (position < text.length) parts.push(text.slice(position));
  return <>{parts}</>;
}
