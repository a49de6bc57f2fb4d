const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(locale: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(
      locale,
      withTime ? { dateStyle: 'long', timeStyle: 'short' } : { dateStyle: 'medium' },
    );
    formatters.set(key, formatter);
  }
  return formatter;
}

interface FormattedDateProps {
  iso: string;
  locale: string;
  withTime?: boolean;
}

/** FormattedDate: a `<time>` with the machine-readable instant and a local, localized label. */
export function FormattedDate({ iso, locale, withTime = false }: FormattedDateProps) {
  return <time dateTime={iso}>{formatterFor(locale, withTime).format(new Date(iso))}</time>;
}
