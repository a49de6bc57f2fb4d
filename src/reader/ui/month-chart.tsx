import type { ReactNode } from 'react';

export interface MonthBar {
  month: string;
  count: number;
  selected: boolean;
  /** The link that narrows the view to this month, built by the route. */
  renderLink: (children: ReactNode, label: string) => ReactNode;
}

interface MonthChartProps {
  title: string;
  bars: MonthBar[];
  labelFor: (month: string, count: number) => string;
}

/**
 * MonthChart: articles per month as a bar chart of links, so every bar is a keyboard-reachable,
 * labelled control that narrows the view to its month.
 */
export function MonthChart({ title, bars, labelFor }: MonthChartProps) {
  const max = Math.max(1, ...bars.map((bar) => bar.count));
  return (
    <figure className="month-chart">
      <figcaption>{title}</figcaption>
      <ol className="month-chart__bars">
        {bars.map((bar) => (
          <li
            key={bar.month}
            className={bar.selected ? 'month-chart__bar is-selected' : 'month-chart__bar'}
          >
            {bar.renderLink(
              <>
                <span
                  className="month-chart__fill"
                  style={{ height: `${(bar.count / max) * 100}%` }}
                />
                <span className="month-chart__month" aria-hidden="true">
                  {bar.month.slice(2)}
                </span>
              </>,
              labelFor(bar.month, bar.count),
            )}
          </li>
        ))}
      </ol>
    </figure>
  );
}
