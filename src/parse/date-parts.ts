// Calendar arithmetic shared by the date parsers: fields to a UTC instant, never the machine's zone.

/** A date's fields as written, with the zone as minutes east of UTC. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millis: number;
  /** Minutes east of UTC. */
  offset: number;
}

/** The instant the fields name; undefined when a field is out of range. */
export function utc(p: DateParts): Date | undefined {
  if (p.month < 1 || p.month > 12 || p.day < 1 || p.day > daysInMonth(p.year, p.month)) return undefined;
  // 24:00 is ISO 8601's end of day; 60 seconds is a leap second, clamped to :59.
  if (p.hour > 24 || (p.hour === 24 && (p.minute > 0 || p.second > 0)) || p.minute > 59 || p.second > 60) return undefined;
  const date = new Date(Date.UTC(2000, p.month - 1, p.day, p.hour, p.minute, Math.min(p.second, 59), p.millis));
  // setUTCFullYear keeps years below 100 literal, where Date.UTC would map them to 19xx.
  date.setUTCFullYear(p.year);
  return new Date(date.getTime() - p.offset * 60_000);
}

/** A year as written; two digits are 1950-2049 (RFC 2822 section 4.3). */
export function twoDigitYear(token: string): number {
  const year = Number(token);
  if (token.length > 2) return year;
  // RFC 2822 section 4.3: 00-49 are 20xx, 50-99 are 19xx.
  return year < 50 ? 2000 + year : 1900 + year;
}

/** Milliseconds from the digits after a decimal point. */
export function fraction(digits: string | undefined): number {
  return digits === undefined ? 0 : Math.floor(Number(`0.${digits}`) * 1000);
}

/** Days in a month of a (proleptic Gregorian) year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
