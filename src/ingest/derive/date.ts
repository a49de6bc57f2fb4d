import { zonedWallTimeToUtc } from '../../common/zoned-time';
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

/** Real zone offsets lie within ±14 hours. */
const MAX_OFFSET_MINUTES = 14 * 60;

function offsetFrom(zone: string | undefined): number | null | undefined {
  if (zone === undefined || zone === '') return null;
  const named = ZONE_NAMES[zone.toLowerCase()];
  if (named !== undefined) return named;
  const match = /^(?:GMT|UTC)?([+-])(\d{2})(?::?(\d{2}))?$/i.exec(zone);
  if (!match) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  if (minutes > MAX_OFFSET_MINUTES || Number(match[3] ?? 0) > 59) return undefined;
  return match[1] === '-' ? -minutes : minutes;
}

const ZONE = String.raw`(Z|(?:GMT|UTC)?[+-]\d{2}(?::?\d{2})?|GMT|UTC)`;
/** ISO 8601 and the `YYYY-MM-DD HH:MM[:SS]` family, with `-`, `/` or `.` between date parts. */
const ISO_LIKE = new RegExp(
  String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*${ZONE}?$`,
  'i',
);
/** RFC 1123 / 2822, e.g. `Thu, 29 Jul 2021 05:11:25 GMT`; the weekday is optional and ignored. */
const RFC_2822 =
  /^(?:[a-z]{3,9}\.?,?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([a-z]{1,3}|(?:GMT|UTC)?[+-]\d{2}:?\d{2})?$/i;
/** What JavaScript's `String(date)` writes: `Thu Jul 29 2021 13:05:00 GMT+0800 (China Standard Time)`. */
const JS_DATE_STRING =
  /^[a-z]{3}\s+([a-z]{3})\s+(\d{1,2})\s+(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})\s+(GMT[+-]\d{4})(?:\s+\([^)]*\))?$/i;
const CHINESE =
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?(?:\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?\s*秒?)?$/;
const COMPACT_DAY = /^(\d{4})(\d{2})(\d{2})$/;

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
    millisecond: fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0,
    offsetMinutes,
  };
}

function monthNumber(name: string): string | null {
  const month = MONTHS[name.toLowerCase()];
  return month === undefined ? null : String(month);
}

function parseText(value: string): Parts | 'bad-zone' | null {
  let match = ISO_LIKE.exec(value);
  if (match) {
    const [, year, , month, day, hour, minute, second, fraction, zone] = match;
    return partsFromMatch([year, month, day, hour, minute, second, fraction], zone);
  }
  match = RFC_2822.exec(value);
  if (match) {
    const month = monthNumber(match[2]!);
    if (month === null) return null;
    return partsFromMatch(
      [match[3], month, match[1], match[4], match[5], match[6], undefined],
      match[7],
    );
  }
  match = JS_DATE_STRING.exec(value);
  if (match) {
    const month = monthNumber(match[1]!);
    if (month === null) return null;
    return partsFromMatch(
      [match[3], month, match[2], match[4], match[5], match[6], undefined],
      match[7],
    );
  }
  match = CHINESE.exec(value) ?? COMPACT_DAY.exec(value);
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
  return zonedWallTimeToUtc(wallMs, timeZone);
}

function fromEpoch(value: number): number {
  // Seconds until the year 5138; anything larger is milliseconds.
  return Math.abs(value) < 1e11 ? value * 1000 : value;
}

function checkPlausible(ms: number, raw: string, context: DateContext): DateOutcome {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) {
    return { iso: null, warning: `date "${raw}" could not be read` };
  }
  const year = date.getUTCFullYear();
  if (year < EARLIEST_PLAUSIBLE_YEAR) {
    return {
      iso: null,
      warning: `date "${raw}" is before ${EARLIEST_PLAUSIBLE_YEAR}; left undated`,
    };
  }
  if (ms > context.now.getTime() + 365 * MS_PER_DAY) {
    return {
      iso: null,
      warning: `date "${raw}" is more than a year in the future; left undated`,
    };
  }
  return { iso: date.toISOString() };
}

/** Longer values are not dates; they are quoted in warnings only up to this length. */
const MAX_DATE_LENGTH = 80;

/**
 * parseArticleDate: an instant in UTC, or null with a warning, for whatever a file's date field
 * holds — RFC 1123/2822, ISO 8601 with or without zone, `YYYY-MM-DD HH:MM[:SS]`, Chinese
 * `2021年7月29日 13:05`, epoch seconds or milliseconds, or a Date a YAML parser made. A time
 * without a zone is read in `context.timeZone`. Impossible calendar dates (`2021-02-29`) are
 * refused rather than rolled over, and nothing is guessed.
 */
export function parseArticleDate(value: unknown, context: DateContext): DateOutcome {
  if (value === undefined || value === null || value === '') return { iso: null };
  if (value instanceof Date) {
    const ms = value.getTime();
    return checkPlausible(ms, Number.isNaN(ms) ? 'Invalid Date' : value.toISOString(), context);
  }
  if (typeof value === 'number') return checkPlausible(fromEpoch(value), String(value), context);
  if (typeof value !== 'string') {
    return {
      iso: null,
      warning: `date is ${Array.isArray(value) ? 'a list' : `of type ${typeof value}`}, not text; left undated`,
    };
  }
  const raw = value
    .trim()
    .replace(/^(['"])(.*)\1$/, '$2')
    .trim();
  if (raw === '') return { iso: null };
  if (raw.length > MAX_DATE_LENGTH) {
    return { iso: null, warning: `date "${raw.slice(0, MAX_DATE_LENGTH)}…" could not be read` };
  }
  if (/^-?\d{9,13}$/.test(raw)) return checkPlausible(fromEpoch(Number(raw)), raw, context);
  const parts = parseText(raw.replace(/\s+/g, ' '));
  if (parts === 'bad-zone') return { iso: null, warning: `date "${raw}" has an unknown time zone` };
  if (parts === null) return { iso: null, warning: `date "${raw}" could not be read` };
  if (!isValidCalendarDate(parts)) {
    return { iso: null, warning: `date "${raw}" is not a real calendar date` };
  }
  if (parts.year < EARLIEST_PLAUSIBLE_YEAR) {
    // Checked before conversion: Date.UTC reads years 0–99 as 1900–1999.
    return {
      iso: null,
      warning: `date "${raw}" is before ${EARLIEST_PLAUSIBLE_YEAR}; left undated`,
    };
  }
  return checkPlausible(toUtcMs(parts, context.timeZone), raw, context);
}
