import { FIRST_SCREEN_READER, useHydrated } from '../i18n/hydration';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(
  locale: string,
  withTime: boolean,
  timeOnly: boolean,
  timeZone: string | undefined,
): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}|${timeOnly}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const style: Intl.DateTimeFormatOptions = timeOnly
      ? { timeStyle: 'short' }
      : withTime
        ? { dateStyle: 'long', timeStyle: 'short' }
        : { dateStyle: 'medium' };
    formatter = new Intl.DateTimeFormat(locale, { ...style, timeZone });
    formatters.set(key, formatter);
  }
  return formatter;
}

interface FormattedDateProps {
  iso: string;
  locale: string;
  withTime?: boolean;
  /** Only the time of day, for rows under a heading that already gives the day. */
  timeOnly?: boolean;
}

/** FormattedDate: a `<time>` with the machine-readable instant and a local, localized label. */
export function FormattedDate({
  iso,
  locale,
  withTime = false,
  timeOnly = false,
}: FormattedDateProps) {
  // The reader's own zone, once hydrated; the first screen's before, as it was prerendered.
  const timeZone = useHydrated() ? undefined : FIRST_SCREEN_READER.timeZone;
  const formatter = formatterFor(locale, withTime, timeOnly, timeZone);
  return <time dateTime={iso}>{formatter.format(new Date(iso))}</time>;
}
