/** Dates before this year are treated as mistakes (epoch zero, two-digit years, typos). */
const EARLIEST_PLAUSIBLE_YEAR = 1990;
const MS_PER_DAY = 86_400_000;

export interface DateContext {
  /** IANA zone for times written without one, e.g. `Asia/Shanghai`. */
  timeZone: string;
  /** Upper bound for plausible dates is one year after this instant. */
  now: Date;
}

export type DateOutcome = { iso: string | null; warning?: string };

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes east of UTC, or null when the text named no zone. */
  offsetMinutes: number | null;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** RFC 2822 §4.3 obsolete zone names, still written by old feeds. */
const ZONE_NAMES: Record<string, number> = {
  gmt: 0,
  ut: 0,
  utc: 0,
  z: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
};

function offsetFrom(zone: string | undefined): number | null | undefined {
  if (zone === undefined || zone === '') return null;
  const named = ZONE_NAMES[zone.toLowerCase()];
  if (named !== undefined) return named;
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!match) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

const ISO_LIKE =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2}|GMT|UTC)?$/i;
const RFC_2822 =
  /^(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([a-z]{1,3}|[+-]\d{4}|[+-]\d{2}:\d{2})?$/i;
const CHINESE =
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?(?:\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?\s*秒?)?$/;

function partsFromMatch(
  values: (string | undefined)[],
  zone: string | undefined,
): Parts | 'bad-zone' | null {
  const [year, month, day, hour, minute, second, fraction] = values;
  const offsetMinutes = offsetFrom(zone);
  if (offsetMinutes === undefined) return 'bad-zone';
  return {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour ?? 0),
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
    millisecond: fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0,
    offsetMinutes,
  };
}

function parseText(value: string): Parts | 'bad-zone' | null {
  let match = ISO_LIKE.exec(value);
  if (match) return partsFromMatch(match.slice(1, 8), match[8]);
  match = RFC_2822.exec(value);
  if (match) {
    const month = MONTHS[match[2]!.toLowerCase()];
    if (month === undefined) return null;
    return partsFromMatch(
      [match[3], String(month), match[1], match[4], match[5], match[6], undefined],
      match[7] ?? 'GMT',
    );
  }
  match = CHINESE.exec(value);
  if (match) return partsFromMatch([...match.slice(1, 7), undefined], undefined);
  return null;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isValidCalendarDate(parts: Parts): boolean {
  return (
    parts.month >= 1 &&
    parts.month <= 12 &&
    parts.day >= 1 &&
    parts.day <= daysInMonth(parts.year, parts.month) &&
    parts.hour <= 23 &&
    parts.minute <= 59 &&
    parts.second <= 59
  );
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes east of UTC that `timeZone` observed at `utcMs`. */
function zoneOffsetMinutes(timeZone: string, utcMs: number): number {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormatters.set(timeZone, formatter);
  }
  const fields = Object.fromEntries(
    formatter.formatToParts(new Date(utcMs)).map((part) => [part.type, Number(part.value)]),
  );
  const asUtc = Date.UTC(
    fields.year!,
    fields.month! - 1,
    fields.day!,
    fields.hour!,
    fields.minute!,
    fields.second!,
  );
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

function toUtcMs(parts: Parts, timeZone: string): number {
  const wallMs = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
    parts.millisecond,
  );
  if (parts.offsetMinutes !== null) return wallMs - parts.offsetMinutes * 60_000;
  // Two passes settle the offset across a daylight-saving change.
  const firstGuess = wallMs - zoneOffsetMinutes(timeZone, wallMs) * 60_000;
  return wallMs - zoneOffsetMinutes(timeZone, firstGuess) * 60_000;
}

function fromEpoch(value: number): number {
  // Seconds until the year 5138; anything larger is milliseconds.
  return Math.abs(value) < 1e11 ? value * 1000 : value;
}

function checkPlausible(ms: number, raw: string, context: DateContext): DateOutcome {
  if (!Number.isFinite(ms)) return { iso: null, warning: `date "${raw}" could not be read` };
  const year = new Date(ms).getUTCFullYear();
  if (year < EARLIEST_PLAUSIBLE_YEAR || ms > context.now.getTime() + 365 * MS_PER_DAY) {
    return { iso: null, warning: `date "${raw}" is implausible (year ${year}); left undated` };
  }
  return { iso: new Date(ms).toISOString() };
}

/**
 * parseArticleDate: an instant in UTC, or null with a warning, for whatever a file's date field
 * holds — RFC 1123/2822, ISO 8601 with or without zone, `YYYY-MM-DD HH:MM[:SS]`, Chinese
 * `2021年7月29日 13:05`, epoch seconds or milliseconds, or a Date a YAML parser made. Impossible
 * calendar dates (`2021-02-29`) are refused rather than rolled over, and nothing is guessed.
 */
export function parseArticleDate(value: unknown, context: DateContext): DateOutcome {
  if (value === undefined || value === null || value === '') return { iso: null };
  if (value instanceof Date) return checkPlausible(value.getTime(), value.toISOString(), context);
  if (typeof value === 'number') return checkPlausible(fromEpoch(value), String(value), context);
  if (typeof value !== 'string') {
    return { iso: null, warning: `date has an unreadable type (${typeof value})` };
  }
  const raw = value.trim().replace(/^(['"])(.*)\1$/, '$2');
  if (/^-?\d{9,13}$/.test(raw)) return checkPlausible(fromEpoch(Number(raw)), raw, context);
  const parts = parseText(raw);
  if (parts === 'bad-zone') return { iso: null, warning: `date "${raw}" has an unknown time zone` };
  if (parts === null) return { iso: null, warning: `date "${raw}" could not be read` };
  if (!isValidCalendarDate(parts)) {
    return { iso: null, warning: `date "${raw}" is not a real calendar date` };
  }
  return checkPlausible(toUtcMs(parts, context.timeZone), raw, context);
}
