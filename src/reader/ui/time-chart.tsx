import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from 'react';

/** What a bar's link needs beyond its content: its name, the brushing hint, no native dragging. */
export interface BarLinkProps {
  'aria-label': string;
  'aria-describedby': string;
  title: string;
  draggable: false;
}

export type TimeChartItem =
  | {
      kind: 'bucket';
      /** `2021`, `2021-03` or `2021-03-05`. */
      key: string;
      count: number;
      label: string;
      /** Text under the bar, or null for none. */
      tick: string | null;
      selected: boolean;
      /** Whether the active date range covers the bucket; outside it the bar is faded. */
      inRange: boolean;
      /** The link that narrows the view to this bucket, built by the route; null for an empty one. */
      renderLink: ((children: ReactNode, props: BarLinkProps) => ReactNode) | null;
    }
  | { kind: 'gap'; key: string; label: string };

interface TimeChartProps {
  title: string;
  items: TimeChartItem[];
  /** How to brush a range, for the bars' aria-describedby. */
  brushHint: string;
  /** What a keyboard selection from one item to another covers, announced as it grows. */
  describeSelection: (anchor: number, focus: number) => string;
  /** Applies a range dragged or selected from one item (by index) to another. */
  onBrush: (anchor: number, focus: number) => void;
}

interface Selection {
  anchor: number;
  focus: number;
}

function itemIndexOf(target: EventTarget | null): number | null {
  if (!(target instanceof Element)) return null;
  const item = target.closest<HTMLElement>('[data-item-index]');
  return item ? Number(item.dataset.itemIndex) : null;
}

/**
 * TimeChart: articles per year, month or day as a bar chart of links, so every bar is a
 * keyboard-reachable, labelled control that narrows the view to its bucket. Dragging across bars
 * (or Shift+arrows, then Enter) picks a range of them. It opens scrolled to the latest bars.
 */
export function TimeChart({ title, items, brushHint, describeSelection, onBrush }: TimeChartProps) {
  const max = Math.max(1, ...items.map((item) => (item.kind === 'bucket' ? item.count : 0)));
  const barsRef = useRef<HTMLOListElement>(null);
  const hintId = useId();
  const [drag, setDrag] = useState<Selection | null>(null);
  const [keyed, setKeyed] = useState<Selection | null>(null);
  const brushed = drag ?? keyed;
  useLayoutEffect(() => {
    const bars = barsRef.current;
    if (bars) bars.scrollLeft = bars.scrollWidth;
  }, []);

  const dragging = drag !== null;
  useEffect(() => {
    if (!dragging) return;
    // Released off the chart, a drag is dropped rather than left hanging.
    const drop = () => setDrag(null);
    window.addEventListener('pointerup', drop);
    return () => window.removeEventListener('pointerup', drop);
  }, [dragging]);

  const onPointerDown = (event: PointerEvent) => {
    // A touch drags the chart sideways; brushing is for mouse and pen.
    if (event.button !== 0 || event.pointerType === 'touch') return;
    const index = itemIndexOf(event.target);
    setKeyed(null);
    setDrag(index === null ? null : { anchor: index, focus: index });
  };
  const onPointerMove = (event: PointerEvent) => {
    if (!drag) return;
    const index = itemIndexOf(event.target);
    if (index !== null && index !== drag.focus) setDrag({ ...drag, focus: index });
  };
  const onPointerUp = (event: PointerEvent) => {
    if (!drag) return;
    const focus = itemIndexOf(event.target) ?? drag.focus;
    setDrag(null);
    // Released on the bar it started on, it is a click: the bar's own link narrows to it.
    if (focus !== drag.anchor) onBrush(drag.anchor, focus);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const index = itemIndexOf(event.target);
    if (index === null) return;
    if (event.key === 'Escape' && keyed) {
      event.preventDefault();
      setKeyed(null);
      return;
    }
    if (event.key === 'Enter' && keyed && keyed.anchor !== keyed.focus) {
      event.preventDefault();
      setKeyed(null);
      onBrush(keyed.anchor, keyed.focus);
      return;
    }
    if (!event.shiftKey || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return;
    event.preventDefault();
    const step = event.key === 'ArrowRight' ? 1 : -1;
    const links = barsRef.current?.querySelectorAll<HTMLElement>('[data-item-index] a');
    // The next bar with articles: empty bars and folded gaps are covered, not stopped on.
    const next = [...(links ?? [])]
      .map((link) => ({ link, index: itemIndexOf(link)! }))
      .filter((entry) => (step > 0 ? entry.index > index : entry.index < index))
      .sort((a, b) => step * (a.index - b.index))[0];
    if (!next) return;
    setKeyed({ anchor: keyed?.anchor ?? index, focus: next.index });
    next.link.focus();
  };

  const low = brushed ? Math.min(brushed.anchor, brushed.focus) : -1;
  const high = brushed ? Math.max(brushed.anchor, brushed.focus) : -1;
  return (
    <figure className="month-chart">
      <figcaption>{title}</figcaption>
      <p id={hintId} className="visually-hidden">
        {brushHint}
      </p>
      <ol
        className="month-chart__bars"
        ref={barsRef}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => setDrag(null)}
        onKeyDown={onKeyDown}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget)) setKeyed(null);
        }}
      >
        {items.map((item, index) => {
          const brushedClass = index >= low && index <= high ? ' is-brushed' : '';
          if (item.kind === 'gap') {
            return (
              <li
                key={item.key}
                data-item-index={index}
                className={`month-chart__gap${brushedClass}`}
                title={item.label}
              >
                <span className="visually-hidden">{item.label}</span>
                <span aria-hidden="true">⋯</span>
              </li>
            );
          }
          const bar = (
            <>
              <span
                className="month-chart__fill"
                style={{ height: `${(item.count / max) * 100}%` }}
              />
              <span className="month-chart__month" aria-hidden="true">
                {item.tick ?? ''}
              </span>
            </>
          );
          const classes = ['month-chart__bar'];
          if (item.selected) classes.push('is-selected');
          if (!item.inRange) classes.push('is-out-of-range');
          if (item.tick !== null) classes.push('has-tick');
          return (
            <li key={item.key} data-item-index={index} className={classes.join(' ') + brushedClass}>
              {item.renderLink ? (
                item.renderLink(bar, {
                  'aria-label': item.label,
                  'aria-describedby': hintId,
                  title: item.label,
                  draggable: false,
                })
              ) : (
                <span className="month-chart__empty" title={item.label}>
                  <span className="visually-hidden">{item.label}</span>
                  {bar}
                </span>
              )}
            </li>
          );
        })}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {keyed && keyed.anchor !== keyed.focus ? describeSelection(keyed.anchor, keyed.focus) : ''}
      </p>
    </figure>
  );
}
