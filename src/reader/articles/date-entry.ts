import { isDayKey, type DayKey } from './day-key';

/** Years below this are taken as still being typed (a date input reports 0002 after one digit). */
const EARLIEST_PLAUSIBLE_YEAR = 1000;

export type DateEntryDecision = { apply: true; day: DayKey | null } | { apply: false };

/**
 * decideDateEntry: whether what is in a date field should become the filter. While typing
 * (`final` false) only a complete day with a four-digit year applies, never a half-typed one;
 * on leaving the field or pressing Enter (`final`) a complete day applies and an empty or
 * incomplete field (which a date input reports as '') removes the bound.
 */
export function decideDateEntry(value: string, { final }: { final: boolean }): DateEntryDecision {
  if (value === '') return final ? { apply: true, day: null } : { apply: false };
  if (!isDayKey(value)) return { apply: false };
  if (!final && Number(value.slice(0, 4)) < EARLIEST_PLAUSIBLE_YEAR) return { apply: false };
  return { apply: true, day: value };
}

export type DatePreset = 'last7Days' | 'thisMonth' | 'thisYear' | 'all';

export const DATE_PRESETS: readonly DatePreset[] = ['last7Days', 'thisMonth', 'thisYear', 'all'];

function daysBefore(day: DayKey, count: number): DayKey {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date - count)).toISOString().slice(0, 10);
}

/** presetRange: the days a preset covers, ending `today` (the reader's day). */
export function presetRange(
  preset: DatePreset,
  today: DayKey,
): { from: DayKey | null; to: DayKey | null } {
  switch (preset) {
    case 'last7Days':
      return { from: daysBefore(today, 6), to: today };
    case 'thisMonth':
      return { from: `${today.slice(0, 7)}-01`, to: today };
    case 'thisYear':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
    case 'all':
      return { from: null, to: null };
  }
}
