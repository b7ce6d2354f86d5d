import { parseDate } from './dates.ts';
import type { ParseContext } from './warnings.ts';

/** Parses a date field, recording a warning when it is present but unreadable. */
export function readDate(value: string | undefined, field: string, context: ParseContext): Date | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const date = parseDate(value);
  if (!date) context.warnings.add(`unreadable <${field}> date "${value.trim().slice(0, 60)}"; left unset`);
  return date;
}

/** The HTML unless it is blank. */
export function nonEmpty(html: string | undefined): string | undefined {
  return html !== undefined && html.trim() !== '' ? html : undefined;
}
