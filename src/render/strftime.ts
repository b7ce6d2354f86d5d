/*
 * strftime over Intl, for Planet 2.0's date_format and new_date_format. Supported directives
 * (C / Python meaning): %a %A %b %h %B %c %C %d %D %e %F %H %I %j %k %l %m %M %n %p %P %R %S %t
 * %T %u %w %x %X %y %Y %z %Z %%. Any other directive is printed as written, as glibc does.
 * Dates are those of the given IANA time zone. English ("en", "en-*") uses the C locale's
 * names and formats, written out so output does not depend on the ICU data of the Node build;
 * other locales take names and %c / %x / %X from Intl.
 */

import type { WallClock } from './dates.ts';
import { months, wallClock, weekdays } from './dates.ts';

interface Parts extends WallClock {
  /** Minutes east of UTC. */
  offset: number;
}

const pad = (n: number, width = 2, fill = '0'): string => String(n).padStart(width, fill);

/** Formats dates with strftime patterns in one time zone and locale; both must be valid. */
export type Strftime = (pattern: string, date: Date) => string;

/** A strftime for `timeZone` (IANA) and `locale` (BCP 47). */
export function createStrftime(timeZone = 'UTC', locale = 'en'): Strftime {
  const clock = wallClock(timeZone);
  const zoneName = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' });
  const names = new Intl.Locale(locale).language === 'en' ? undefined : localNames(locale, timeZone);
  const partsOf = (date: Date): Parts => {
    const parts = { ...clock(date), offset: 0 };
    const wall = Date.UTC(parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second);
    parts.offset = Math.round((wall - Math.floor(date.getTime() / 1000) * 1000) / 60000);
    return parts;
  };
  return (pattern, date) => {
    const f = partsOf(date);
    const hour12 = f.hour % 12 === 0 ? 12 : f.hour % 12;
    const dayOfYear = (Date.UTC(f.year, f.month, f.day) - Date.UTC(f.year, 0, 1)) / 86400000 + 1;
    const english = {
      a: (weekdays[f.weekday] ?? '').slice(0, 3),
      A: weekdays[f.weekday] ?? '',
      b: (months[f.month] ?? '').slice(0, 3),
      B: months[f.month] ?? '',
      p: f.hour < 12 ? 'AM' : 'PM',
    };
    const named = names === undefined ? english : names.of(date, f.hour);
    const directive = (c: string): string | undefined => {
      switch (c) {
        case 'a': return named.a;
        case 'A': return named.A;
        case 'b': case 'h': return named.b;
        case 'B': return named.B;
        case 'c': return names?.dateTime.format(date) ?? `${english.a} ${english.b} ${pad(f.day, 2, ' ')} ${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)} ${f.year}`;
        case 'C': return pad(Math.floor(f.year / 100));
        case 'd': return pad(f.day);
        case 'D': return `${pad(f.month + 1)}/${pad(f.day)}/${pad(f.year % 100)}`;
        case 'e': return pad(f.day, 2, ' ');
        case 'F': return `${f.year}-${pad(f.month + 1)}-${pad(f.day)}`;
        case 'H': return pad(f.hour);
        case 'I': return pad(hour12);
        case 'j': return pad(dayOfYear, 3);
        case 'k': return pad(f.hour, 2, ' ');
        case 'l': return pad(hour12, 2, ' ');
        case 'm': return pad(f.month + 1);
        case 'M': return pad(f.minute);
        case 'n': return '\n';
        case 'p': return named.p;
        case 'P': return named.p.toLowerCase();
        case 'R': return `${pad(f.hour)}:${pad(f.minute)}`;
        case 'S': return pad(f.second);
        case 't': return '\t';
        case 'T': return `${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}`;
        case 'u': return String(f.weekday === 0 ? 7 : f.weekday);
        case 'w': return String(f.weekday);
        case 'x': return names?.date.format(date) ?? `${pad(f.month + 1)}/${pad(f.day)}/${pad(f.year % 100)}`;
        case 'X': return names?.time.format(date) ?? `${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}`;
        case 'y': return pad(f.year % 100);
        case 'Y': return String(f.year);
        case 'z': return `${f.offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(f.offset) / 60))}${pad(Math.abs(f.offset) % 60)}`;
        case 'Z': return timeZone === 'UTC' ? 'UTC' : (zoneName.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? timeZone);
        case '%': return '%';
        default: return undefined;
      }
    };
    return pattern.replace(/%(.)/gs, (whole, c: string) => directive(c) ?? whole);
  };
}

function localNames(locale: string, timeZone: string) {
  const format = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { timeZone, ...options });
  const short = format({ weekday: 'short' });
  const long = format({ weekday: 'long' });
  const shortMonth = format({ month: 'short' });
  const longMonth = format({ month: 'long' });
  const period = format({ hour: 'numeric', hour12: true });
  return {
    dateTime: format({ dateStyle: 'medium', timeStyle: 'medium' }),
    date: format({ dateStyle: 'short' }),
    time: format({ timeStyle: 'medium' }),
    of(date: Date, hour: number) {
      const dayPeriod = period.formatToParts(date).find((p) => p.type === 'dayPeriod')?.value;
      return {
        a: short.format(date),
        A: long.format(date),
        b: shortMonth.format(date),
        B: longMonth.format(date),
        p: dayPeriod ?? (hour < 12 ? 'AM' : 'PM'),
      };
    },
  };
}
