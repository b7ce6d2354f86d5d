import type { DateView } from './view-model.ts';

// English names are written out rather than taken from Intl so the default output (and the
// goldens) do not depend on the ICU data a Node build ships; other locales use Intl.
export const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const pad = (n: number): string => String(n).padStart(2, '0');

/** A calendar day or month: a sortable key ("2026-11-30", "2026-11") and a label for people. */
export interface CalendarKey {
  key: string;
  label: string;
}

/** Formats moments in one locale and time zone; days and months are those of that zone. */
export interface DateFormatter {
  date(date: Date): DateView;
  day(date: Date): CalendarKey;
  month(date: Date): CalendarKey;
}

/** True when the date holds a real moment (not an Invalid Date). */
export function isValidDate(date: Date): boolean {
  return !Number.isNaN(date.getTime());
}

/** A moment's wall-clock fields in one time zone. */
export interface WallClock {
  year: number;
  /** 0-11. */
  month: number;
  day: number;
  /** 0 = Sunday. */
  weekday: number;
  hour: number;
  minute: number;
  second: number;
}

/** Reads dates as the clock on the wall of the IANA `timeZone` shows them. */
export function wallClock(timeZone: string): (date: Date) => WallClock {
  const numeric = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
    weekday: 'short',
  });
  return (date) => {
    const parts = Object.fromEntries(numeric.formatToParts(date).map((p) => [p.type, p.value]));
    return {
      year: Number(parts.year),
      month: Number(parts.month) - 1,
      day: Number(parts.day),
      weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday ?? ''),
      hour: Number(parts.hour) % 24,
      minute: Number(parts.minute),
      second: Number(parts.second),
    };
  };
}

/** A formatter for `locale` and the IANA `timeZone`; both must be valid (the config checks them). */
export function createDateFormatter(locale = 'en', timeZone = 'UTC'): DateFormatter {
  const english = new Intl.Locale(locale).language === 'en';
  const clock = wallClock(timeZone);
  const zoneName = timeZone === 'UTC' ? () => 'UTC' : zoneNamer(timeZone);
  const fields = (date: Date): WallClock & { hh: string; mm: string } => {
    const f = clock(date);
    return { ...f, hh: pad(f.hour), mm: pad(f.minute) };
  };
  const local = english ? undefined : localFormats(locale, timeZone);
  return {
    date(date) {
      const f = fields(date);
      return {
        // Milliseconds dropped: feeds and <time> read better without them.
        iso: date.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        rfc822: rfc822(date),
        display: local?.display.format(date) ?? `${f.day} ${months[f.month] ?? ''} ${f.year} ${f.hh}:${f.mm} ${zoneName(date)}`,
        time: `${f.hh}:${f.mm}`,
      };
    },
    day(date) {
      const f = fields(date);
      const label = local?.day.format(date) ?? `${weekdays[f.weekday] ?? ''}, ${f.day} ${months[f.month] ?? ''} ${f.year}`;
      return { key: `${f.year}-${pad(f.month + 1)}-${pad(f.day)}`, label };
    },
    month(date) {
      const f = fields(date);
      return { key: `${f.year}-${pad(f.month + 1)}`, label: local?.month.format(date) ?? `${months[f.month] ?? ''} ${f.year}` };
    },
  };
}

function localFormats(locale: string, timeZone: string) {
  return {
    display: new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'long', timeStyle: 'short' }),
    day: new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
    month: new Intl.DateTimeFormat(locale, { timeZone, month: 'long', year: 'numeric' }),
  };
}

function zoneNamer(timeZone: string): (date: Date) => string {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' });
  return (date) => format.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/**
 * RFC 822 section 5 (https://www.rfc-editor.org/rfc/rfc822#section-5) in UTC, with the
 * four-digit year RSS 2.0 recommends; feeds carry UTC whatever zone the pages use.
 */
function rfc822(date: Date): string {
  const day = weekdays[date.getUTCDay()] ?? '';
  const month = months[date.getUTCMonth()] ?? '';
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return `${day.slice(0, 3)}, ${pad(date.getUTCDate())} ${month.slice(0, 3)} ${date.getUTCFullYear()} ${time} +0000`;
}
