const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(locale: string, withTime: boolean, timeOnly: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}|${timeOnly}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(
      locale,
      timeOnly
        ? { timeStyle: 'short' }
        : withTime
          ? { dateStyle: 'long', timeStyle: 'short' }
          : { dateStyle: 'medium' },
    );
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
  return (
    <time dateTime={iso}>{formatterFor(locale, withTime, timeOnly).format(new Date(iso))}</time>
  );
}
