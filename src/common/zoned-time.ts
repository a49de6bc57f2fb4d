const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function offsetFormatter(timeZone: string): Intl.DateTimeFormat {
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
  return formatter;
}

/** zoneOffsetMinutes: minutes east of UTC that `timeZone` observed at the instant `utcMs`. */
export function zoneOffsetMinutes(timeZone: string, utcMs: number): number {
  const fields: Record<string, number> = {};
  for (const part of offsetFormatter(timeZone).formatToParts(new Date(utcMs))) {
    fields[part.type] = Number(part.value);
  }
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

/**
 * zonedWallTimeToUtc: the instant at which clocks in `timeZone` showed the wall time given as if it
 * were UTC (`Date.UTC(...)` of the local fields). Two passes settle the offset across a
 * daylight-saving change.
 */
export function zonedWallTimeToUtc(wallMs: number, timeZone: string): number {
  const firstGuess = wallMs - zoneOffsetMinutes(timeZone, wallMs) * 60_000;
  return wallMs - zoneOffsetMinutes(timeZone, firstGuess) * 60_000;
}
