const formatters = new Map<string, Intl.DateTimeFormat>();

/** A calendar day, `YYYY-MM-DD`. */
export type DayKey = string;

/**
 * dayKeyIn: the calendar day an instant falls on in `timeZone`. Days are the reader's own: an
 * article published 23:30 UTC belongs to the next day in Beijing.
 */
export function dayKeyIn(timeZone: string): (iso: string) => DayKey {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  const format = formatter;
  return (iso) => format.format(new Date(iso));
}

/** The reader's time zone, as the browser reports it. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** isDayKey: `YYYY-MM-DD` naming a real calendar day. */
export function isDayKey(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** monthBounds: the first and last day of a `YYYY-MM` month. */
export function monthBounds(month: string): { from: DayKey; to: DayKey } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(lastDay).padStart(2, '0')}` };
}
