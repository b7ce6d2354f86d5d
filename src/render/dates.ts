import type { DateView } from './view-model.ts';

// Written out rather than taken from Intl so the output does not depend on the ICU data a
// Node build ships; a locale option can swap these tables for Intl.DateTimeFormat later.
const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const months = [
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

/** The calendar fields of a moment in UTC, so the machine's TZ never matters. */
function utcParts(date: Date) {
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth(),
    day: date.getUTCDate(),
    weekday: date.getUTCDay(),
    hh: pad(date.getUTCHours()),
    mm: pad(date.getUTCMinutes()),
    ss: pad(date.getUTCSeconds()),
  };
}

/** True when the date holds a real moment (not an Invalid Date). */
export function isValidDate(date: Date): boolean {
  return !Number.isNaN(date.getTime());
}

/** A moment in the formats templates need, in UTC. The date must be valid. */
export function toDateView(date: Date): DateView {
  const p = utcParts(date);
  const month = months[p.month] ?? '';
  const weekday = weekdays[p.weekday] ?? '';
  return {
    // Milliseconds dropped: feeds and <time> read better without them.
    iso: date.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    // RFC 822 section 5 (https://www.rfc-editor.org/rfc/rfc822#section-5), with the four-digit
    // year RSS 2.0 recommends.
    rfc822: `${weekday.slice(0, 3)}, ${pad(p.day)} ${month.slice(0, 3)} ${p.year} ${p.hh}:${p.mm}:${p.ss} +0000`,
    display: `${p.day} ${month} ${p.year} ${p.hh}:${p.mm} UTC`,
  };
}

/** The UTC day of a moment: its "YYYY-MM-DD" key and a label like "Monday, 30 November 2026". */
export function toDay(date: Date): { date: string; label: string } {
  const p = utcParts(date);
  return {
    date: `${p.year}-${pad(p.month + 1)}-${pad(p.day)}`,
    label: `${weekdays[p.weekday] ?? ''}, ${p.day} ${months[p.month] ?? ''} ${p.year}`,
  };
}
