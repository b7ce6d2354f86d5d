// A layout scanner for TOML (https://toml.io/en/v1.0.0): where each statement, header, key and
// value sits in the text, so edits can touch only those characters. It runs on text smol-toml has
// already accepted, so it reads structure and never judges validity.
import { parse } from 'smol-toml';
import type { Span, Statement } from './edit-lines.ts';

/** A statement with what the edits need to know about it. */
export interface TomlStatement extends Statement {
  /** `[a.b]` or `[[a.b]]`: the key path and whether it is an array of tables. */
  table?: { path: string[]; array: boolean };
  /** `a.b = value`: the key path and the value's span (comment excluded). */
  pair?: { path: string[]; value: Span };
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t';
const isBreak = (c: string | undefined): boolean => c === '\n' || c === '\r';

function skipSpace(text: string, at: number): number {
  while (isSpace(text[at])) at++;
  return at;
}

/** Skips spaces, line breaks and comments: what may sit between array elements. */
function skipBlank(text: string, at: number): number {
  for (;;) {
    while (isSpace(text[at]) || isBreak(text[at])) at++;
    if (text[at] !== '#') return at;
    while (at < text.length && text[at] !== '\n') at++;
  }
}

/** The end of a string literal of any of TOML's four kinds starting at `at`. */
function skipString(text: string, at: number): number {
  const quote = text[at] ?? '"';
  const triple = text.startsWith(quote.repeat(3), at);
  let i = at + (triple ? 3 : 1);
  while (i < text.length) {
    if (quote === '"' && text[i] === '\\') {
      i += 2;
      continue;
    }
    if (triple ? text.startsWith(quote.repeat(3), i) : text[i] === quote) {
      let end = i + (triple ? 3 : 1);
      // Up to two quotes may end a multi-line string's content right before its delimiter.
      for (let extra = 0; triple && extra < 2 && text[end] === quote; extra++) end++;
      return end;
    }
    i++;
  }
  return i;
}

/** The value a TOML string literal stands for. */
export function stringValue(literal: string): string {
  return String(parse(`v = ${literal}`).v);
}

/** Reads a key (bare, quoted, dotted) at `at`: its parts and where it ends. */
function readKey(text: string, at: number): { path: string[]; end: number } {
  const path: string[] = [];
  for (;;) {
    at = skipSpace(text, at);
    if (text[at] === '"' || text[at] === "'") {
      const end = skipString(text, at);
      path.push(stringValue(text.slice(at, end)));
      at = end;
    } else {
      const start = at;
      while (at < text.length && /[A-Za-z0-9_-]/.test(text[at] ?? '')) at++;
      path.push(text.slice(start, at));
    }
    const after = skipSpace(text, at);
    if (text[after] !== '.') return { path, end: at };
    at = after + 1;
  }
}

/** The end of the value starting at `at`: a string, an array, an inline table or a bare value. */
export function skipValue(text: string, at: number): number {
  const c = text[at];
  if (c === '"' || c === "'") return skipString(text, at);
  if (c === '[' || c === '{') {
    const close = c === '[' ? ']' : '}';
    let i = at + 1;
    while (i < text.length) {
      i = skipBlank(text, i);
      if (text[i] === close) return i + 1;
      if (text[i] === ',') i++;
      else if (c === '{') {
        i = skipSpace(text, readKey(text, i).end);
        i = skipValue(text, skipSpace(text, i + 1));
      } else i = skipValue(text, i);
    }
    return i;
  }
  let i = at;
  while (i < text.length && !',]}#'.includes(text[i] ?? '') && !isBreak(text[i])) i++;
  while (i > at && isSpace(text[i - 1])) i--;
  return i;
}

/** The elements of an array or the key/value pairs of an inline table spanning `span`. */
export function members(text: string, span: Span): { span: Span; path?: string[]; value?: Span }[] {
  const found: { span: Span; path?: string[]; value?: Span }[] = [];
  const table = text[span.start] === '{';
  let i = span.start + 1;
  while (i < span.end - 1) {
    i = skipBlank(text, i);
    if (i >= span.end - 1) break;
    if (text[i] === ',') {
      i++;
      continue;
    }
    const start = i;
    if (table) {
      const key = readKey(text, i);
      const valueStart = skipSpace(text, skipSpace(text, key.end) + 1);
      i = skipValue(text, valueStart);
      found.push({ span: { start, end: i }, path: key.path, value: { start: valueStart, end: i } });
    } else {
      i = skipValue(text, i);
      found.push({ span: { start, end: i } });
    }
  }
  return found;
}

/** Past the rest of a line: spaces, an optional comment and the line break. */
function endOfLine(text: string, at: number): number {
  while (at < text.length && text[at] !== '\n') at++;
  return at < text.length ? at + 1 : at;
}

/** Splits TOML text into statements, recording headers and key/value pairs. */
export function scanToml(text: string): TomlStatement[] {
  const statements: TomlStatement[] = [];
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (at < text.length) {
    const start = at;
    const first = skipSpace(text, at);
    const c = text[first];
    if (c === undefined || isBreak(c)) {
      at = endOfLine(text, first);
      statements.push({ kind: 'blank', start, end: at });
    } else if (c === '#') {
      at = endOfLine(text, first);
      statements.push({ kind: 'comment', start, end: at });
    } else if (c === '[') {
      const array = text[first + 1] === '[';
      const key = readKey(text, first + (array ? 2 : 1));
      at = endOfLine(text, key.end);
      statements.push({ kind: 'header', start, end: at, table: { path: key.path, array } });
    } else {
      const key = readKey(text, first);
      const valueStart = skipSpace(text, skipSpace(text, key.end) + 1);
      const valueEnd = skipValue(text, valueStart);
      at = endOfLine(text, valueEnd);
      statements.push({ kind: 'content', start, end: at, pair: { path: key.path, value: { start: valueStart, end: valueEnd } } });
    }
  }
  return statements;
}
