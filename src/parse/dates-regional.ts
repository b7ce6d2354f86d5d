// Date forms outside RFC 822 and W3C-DTF that feeds are known to use: ISO 8601's reduced and
// ordinal forms with two-digit years, Perforce's "2006/09/15", and the Greek, Hungarian and
// Korean forms blog platforms in those languages wrote (the forms are listed in feedparser's
// date tests, ../shared/conformance/feedparser/unit-vectors.json; the code is ours).
import { daysInMonth, twoDigitYear, utc } from './date-parts.ts';

const KST = 9 * 60;
// Greek month abbreviations, with and without accents.
const GREEK_MONTHS = new Map([
  ['ιαν', 1], ['φεβ', 2], ['μάρ', 3], ['μαρ', 3], ['απρ', 4], ['μάι', 5], ['μαϊ', 5], ['μαι', 5], ['ιούν', 6], ['ιον', 6],
  ['ιούλ', 7], ['ιολ', 7], ['αύγ', 8], ['αυγ', 8], ['σεπ', 9], ['οκτ', 10], ['νοέ', 11], ['νοε', 11], ['δεκ', 12],
]);
const HUNGARIAN_MONTHS = new Map([
  ['január', 1], ['február', 2], ['március', 3], ['április', 4], ['május', 5], ['június', 6],
  ['július', 7], ['augusztus', 8], ['szeptember', 9], ['október', 10], ['november', 11], ['december', 12],
]);
const ZONES = new Map([['est', -300], ['edt', -240], ['gmt', 0], ['utc', 0]]);

const time = (h?: string, m?: string, s?: string): { hour: number; minute: number; second: number } => ({
  hour: Number(h ?? 0),
  minute: Number(m ?? 0),
  second: Number(s ?? 0),
});

/** Parses the regional and reduced forms above; undefined when the text is none of them. */
export function parseRegionalDate(text: string): Date | undefined {
  return isoReduced(text) ?? perforce(text) ?? greek(text) ?? hungarian(text) ?? korean(text);
}

/** ISO 8601 with two-digit years: YYMMDD, YY-MM-DD, -YYMM, -YY-MM, YYDDD (ordinal), YYYY-0MM-DD. */
function isoReduced(text: string): Date | undefined {
  let m = /^(\d{2})-?(\d{2})-?(\d{2})$/.exec(text);
  if (m) return day(twoDigitYear(m[1] ?? ''), Number(m[2]), Number(m[3]));
  m = /^-(\d{2})-?(\d{2})$/.exec(text);
  if (m) return day(twoDigitYear(m[1] ?? ''), Number(m[2]), 1);
  m = /^(\d{2})(\d{3})$/.exec(text);
  if (m) return ordinal(twoDigitYear(m[1] ?? ''), Number(m[2]));
  // A three-digit month ("2003-012-31T10:14:55+00:00") is a zero-padded two-digit one.
  m = /^(\d{4})-0(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:Z|([+-])(\d{2}):(\d{2}))$/.exec(text);
  if (m) {
    const offset = m[7] === undefined ? 0 : (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9]));
    return utc({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), ...time(m[4], m[5], m[6]), millis: 0, offset });
  }
  return undefined;
}

/** "Fri, 2006/09/15 08:19:53 EDT" (Perforce's feeds). */
function perforce(text: string): Date | undefined {
  const m = /^(?:\S+,\s*)?(\d{4})\/(\d{1,2})\/(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s+([a-z]+)$/i.exec(text);
  const offset = ZONES.get((m?.[7] ?? '').toLowerCase());
  if (!m || offset === undefined) return undefined;
  return utc({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), ...time(m[4], m[5], m[6]), millis: 0, offset });
}

/** "Κυρ, 11 Ιούλ 2004 12:00:00 EST". */
function greek(text: string): Date | undefined {
  const m = /^(?:\S+,\s*)?(\d{1,2})\s+(\S+)\s+(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})\s+([a-z]+)$/i.exec(text);
  const month = GREEK_MONTHS.get((m?.[2] ?? '').toLowerCase());
  const offset = ZONES.get((m?.[7] ?? '').toLowerCase());
  if (!m || month === undefined || offset === undefined) return undefined;
  return utc({ year: Number(m[3]), month, day: Number(m[1]), ...time(m[4], m[5], m[6]), millis: 0, offset });
}

/** "2004-július-13T9:15-05:00". */
function hungarian(text: string): Date | undefined {
  const m = /^(\d{4})-([^\d\s-]+)-(\d{1,2})T(\d{1,2}):(\d{2})(?::(\d{2}))?([+-])(\d{2}):(\d{2})$/.exec(text);
  const month = HUNGARIAN_MONTHS.get((m?.[2] ?? '').toLowerCase());
  if (!m || month === undefined) return undefined;
  const offset = (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9]));
  return utc({ year: Number(m[1]), month, day: Number(m[3]), ...time(m[4], m[5], m[6]), millis: 0, offset });
}

/** Korean blog platforms, in Korea's time zone: "2004-05-25 오후 11:23:17" and "2004년 05월 28일 01:31:15". */
function korean(text: string): Date | undefined {
  let m = /^(\d{4})-(\d{2})-(\d{2})\s+(오전|오후)\s+(\d{1,2}):(\d{2}):(\d{2})$/.exec(text);
  if (m) {
    // 오전 is AM, 오후 PM.
    const hour = (Number(m[5]) % 12) + (m[4] === '오후' ? 12 : 0);
    return utc({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), ...time(String(hour), m[6], m[7]), millis: 0, offset: KST });
  }
  m = /^(\d{4})년\s*(\d{1,2})월\s*(\d{1,2})일\s+(\d{1,2}):(\d{2}):(\d{2})$/.exec(text);
  if (m) return utc({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), ...time(m[4], m[5], m[6]), millis: 0, offset: KST });
  return undefined;
}

function day(year: number, month: number, dayOfMonth: number): Date | undefined {
  return utc({ year, month, day: dayOfMonth, hour: 0, minute: 0, second: 0, millis: 0, offset: 0 });
}

function ordinal(year: number, dayOfYear: number): Date | undefined {
  let remaining = dayOfYear;
  for (let month = 1; month <= 12; month++) {
    const days = daysInMonth(year, month);
    if (remaining <= days) return day(year, month, remaining);
    remaining -= days;
  }
  return undefined;
}
