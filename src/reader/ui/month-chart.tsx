import { useLayoutEffect, useRef, type ReactNode } from 'react';

export type MonthChartItem =
  | {
      kind: 'month';
      month: string;
      count: number;
      /** Text under the bar (`2021`, `2021-03`), or null for none. */
      tick: string | null;
      selected: boolean;
      /** Whether the active date range covers the month; outside it the bar is faded. */
      inRange: boolean;
      /** The link that narrows the view to this month, built by the route; null for an empty month. */
      renderLink: ((children: ReactNode, label: string) => ReactNode) | null;
    }
  | { kind: 'gap'; key: string; label: string };

interface MonthChartProps {
  title: string;
  items: MonthChartItem[];
  labelFor: (month: string, count: number) => string;
}

/**
 * MonthChart: articles per month as a bar chart of links, so every bar is a keyboard-reachable,
 * labelled control that narrows the view to its month. It opens scrolled to the latest months.
 */
export function MonthChart({ title, items, labelFor }: MonthChartProps) {
  const max = Math.max(1, ...items.map((item) => (item.kind === 'month' ? item.count : 0)));
  const barsRef = useRef<HTMLOListElement>(null);
  useLayoutEffect(() => {
    const bars = barsRef.current;
    if (bars) bars.scrollLeft = bars.scrollWidth;
  }, []);
  return (
    <figure className="month-chart">
      <figcaption>{title}</figcaption>
      <ol className="month-chart__bars" ref={barsRef}>
        {items.map((item) => {
          if (item.kind === 'gap') {
            return (
              <li key={item.key} className="month-chart__gap" title={item.label}>
                <span className="visually-hidden">{item.label}</span>
                <span aria-hidden="true">⋯</span>
              </li>
            );
          }
          const label = labelFor(item.month, item.count);
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
            <li key={item.month} className={classes.join(' ')}>
              {item.renderLink ? (
                item.renderLink(bar, label)
              ) : (
                <span className="month-chart__empty" title={label}>
                  <span className="visually-hidden">{label}</span>
                  {bar}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </figure>
  );
}
