// Feed dates: RFC 822 as RSS 2.0 uses it (https://www.rfc-editor.org/rfc/rfc822#section-5, with
// RFC 1123's four-digit years) and W3C-DTF / ISO 8601 as Atom (RFC 3339) and Dublin Core use it
// (https://www.w3.org/TR/NOTE-datetime). Everything is computed in UTC, never in the machine's zone.

import { fraction, twoDigitYear, utc } from './date-parts.ts';
import { parseRegionalDate } from './dates-regional.ts';

const MONTHS = new Map([
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['may', 5], ['jun', 6],
  ['jul', 7], ['aug', 8], ['sep', 9], ['oct', 10], ['nov', 11], ['dec', 12],
]);
const WEEKDAYS = new Set(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
// Offsets in minutes. RFC 822 names the US zones; the others are common in the wild.
const ZONES = new Map([
  ['ut', 0], ['utc', 0], ['gmt', 0], ['z', 0],
  ['est', -300], ['edt', -240], ['cst', -360], ['cdt', -300],
  ['mst', -420], ['mdt', -360], ['pst', -480], ['pdt', -420],
  ['akst', -540], ['akdt', -480], ['hst', -600],
  ['wet', 0], ['bst', 60], ['cet', 60], ['cest', 120], ['eet', 120], ['eest', 180],
  ['msk', 180], ['jst', 540], ['kst', 540], ['aest', 600], ['aedt', 660],
  ['met', 60], ['mest', 120], ['etc/gmt', 0],
  // North American zones without the standard/daylight letter, read as standard time.
  ['at', -240], ['et', -300], ['ct', -360], ['mt', -420], ['pt', -480],
]);

const W3C_DTF =
  /^(\d{4})(?:-?(\d{2})(?:-?(\d{2})(?:[T ]\s*(\d{1,2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?\s*(z|utc|gmt|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/i;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?$/;
const NUMERIC_ZONE = /^(?:gmt|utc|ut)?([+-])(\d{1,4})(?::(\d{2}))?$/i;
const DASHED_DATE = /^(\d{1,2})-([a-z]{3,9})-(\d{2,4})$/i;

/** Parses a feed date (RFC 822 family or W3C-DTF/ISO 8601); undefined when it cannot be read. */
export function parseDate(value: string | undefined): Date | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const code = text.charCodeAt(0);
  if (code >= 48 && code <= 57 && text.length >= 4 && isDigits(text.slice(0, 4))) {
    return parseW3c(text) ?? parseRfc822(text) ?? parseRegionalDate(text);
  }
  return parseRfc822(text) ?? parseRegionalDate(text);
}

function parseW3c(text: string): Date | undefined {
  const m = W3C_DTF.exec(text);
  if (!m) return undefined;
  const offset = m[8] === undefined ? 0 : zoneOffset(m[8]);
  if (offset === undefined) return undefined;
  return utc({
    year: Number(m[1]),
    month: m[2] === undefined ? 1 : Number(m[2]),
    day: m[3] === undefined ? 1 : Number(m[3]),
    hour: m[4] === undefined ? 0 : Number(m[4]),
    minute: m[5] === undefined ? 0 : Number(m[5]),
    second: m[6] === undefined ? 0 : Number(m[6]),
    millis: fraction(m[7]),
    offset,
  });
}

/** RFC 822 and its variants: optional weekday, day and month in either order, two-digit years, missing seconds or zone. */
function parseRfc822(text: string): Date | undefined {
  let day: number | undefined;
  let month: number | undefined;
  let year: number | undefined;
  let time: RegExpExecArray | undefined;
  let offset = 0;
  let pm: boolean | undefined;
  // A leading "word," is a weekday, in whatever language the feed speaks ("Seg,", "mer,").
  for (const raw of tokenize(text.replace(/^[^\d\s,]+,/, ''))) {
    if (raw === '') continue;
    const token = raw.toLowerCase();
    const timeMatch = TIME.exec(token);
    if (timeMatch) {
      time = timeMatch;
      continue;
    }
    if (isDigits(token)) {
      if (token.length <= 2 && day === undefined) day = Number(token);
      else if (year === undefined) year = twoDigitYear(token);
      else return undefined;
      continue;
    }
    const name = token.replace(/\.$/, '');
    const monthNumber = name.length >= 3 ? MONTHS.get(name.slice(0, 3)) : undefined;
    if (monthNumber !== undefined && month === undefined && isMonthName(name)) {
      month = monthNumber;
      continue;
    }
    if (name.length >= 3 && WEEKDAYS.has(name.slice(0, 3))) continue;
    if (name === 'am' || name === 'pm') {
      pm = name === 'pm';
      continue;
    }
    const zone = zoneOffset(token);
    if (zone === undefined) return undefined;
    offset = zone;
  }
  if (day === undefined || month === undefined || year === undefined) return undefined;
  let hour = time ? Number(time[1]) : 0;
  if (pm !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  return utc({
    year,
    month,
    day,
    hour,
    minute: time ? Number(time[2]) : 0,
    second: time?.[3] === undefined ? 0 : Number(time[3]),
    millis: fraction(time?.[4]),
    offset,
  });
}

/** Splits on spaces and commas, drops zone comments ("(PST)"), and opens up "05-Jan-2004". */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const token of text.replace(/\([^)]*\)/g, ' ').split(/[\s,]+/)) {
    const dashed = DASHED_DATE.exec(token);
    if (dashed) tokens.push(dashed[1] ?? '', dashed[2] ?? '', dashed[3] ?? '');
    else tokens.push(token);
  }
  return tokens;
}

function zoneOffset(token: string): number | undefined {
  const named = ZONES.get(token.toLowerCase());
  if (named !== undefined) return named;
  const m = NUMERIC_ZONE.exec(token);
  if (!m || m[2] === undefined) return undefined;
  const digits = m[2];
  let hours: number;
  let minutes: number;
  if (m[3] !== undefined) {
    if (digits.length > 2) return undefined;
    hours = Number(digits);
    minutes = Number(m[3]);
  } else if (digits.length <= 2) {
    hours = Number(digits);
    minutes = 0;
  } else {
    // "+0530" and the sloppier "+530": the last two digits are minutes.
    hours = Number(digits.slice(0, -2));
    minutes = Number(digits.slice(-2));
  }
  if (hours > 14 || minutes > 59) return undefined;
  const total = hours * 60 + minutes;
  return m[1] === '-' ? -total : total;
}

function isMonthName(name: string): boolean {
  // "Sept" and full names are accepted; "marching" is not.
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
  return name.length === 3 || name === 'sept' || full.includes(name);
}

function isDigits(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return text.length > 0;
}
