// Text edits of a planet.toml's feeds, in either of the two ways TOML can write them: `[[feeds]]`
// tables (what `planet init` writes) or one root `feeds = [ { url = ..., name = ... }, ... ]` array.
import { parse } from 'smol-toml';
import { ConfigError } from '../model/index.ts';
import type { FeedBlock, Span } from './edit-lines.ts';
import { insertBlock, lineBreakOf, removalSpan, splice } from './edit-lines.ts';
import type { TomlStatement } from './edit-toml-scan.ts';
import { members, scanToml, stringValue } from './edit-toml-scan.ts';

/** Where a feed is written: its URL, the URL's value span and the span the feed occupies. */
export interface TomlFeed {
  url: string;
  urlSpan: Span;
}

/** A TOML file's feeds as laid out in the text. */
export interface TomlLayout {
  statements: TomlStatement[];
  /** `[[feeds]]` tables, when the file writes feeds so. */
  blocks: FeedBlock[];
  /** The root `feeds = [...]` array's span and its elements, when the file writes feeds so. */
  inline?: { array: Span; elements: (TomlFeed & { span: Span })[] };
}

/** A TOML string literal for any text: a basic string with TOML's escapes. */
export function tomlString(value: string): string {
  const escapes: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r' };
  const wellFormed = value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  let body = '';
  for (const c of wellFormed) {
    const code = c.charCodeAt(0);
    body += escapes[c] ?? (code < 0x20 || code === 0x7f ? `\\u${code.toString(16).padStart(4, '0')}` : c);
  }
  return `"${body}"`;
}

/** Finds the feeds in TOML text; `file` names it in errors. */
export function tomlLayout(text: string, file: string): TomlLayout {
  let data: Record<string, unknown>;
  try {
    data = parse(text);
  } catch (error) {
    throw new ConfigError('config-syntax', `config: ${file} is not valid TOML (${(error as Error).message.split('\n')[0]}); fix it before editing its feeds`, { cause: error });
  }
  const statements = scanToml(text);
  const layout: TomlLayout = { statements, blocks: [] };
  let open: FeedBlock | undefined;
  let inFeedsRoot = false;
  let seenHeader = false;
  const close = (at: number): void => {
    if (open) layout.blocks.push({ ...open, next: at });
    open = undefined;
  };
  statements.forEach((statement, i) => {
    const { table, pair } = statement;
    if (table) {
      seenHeader = true;
      const [head, ...rest] = table.path;
      const sub = head === 'feeds' && rest.length > 0 && open !== undefined;
      if (!sub) close(i);
      if (head === 'feeds' && rest.length === 0 && table.array) open = { url: '', header: i, next: i, urlSpan: { start: 0, end: 0 } };
      inFeedsRoot = !sub && open !== undefined;
    } else if (pair && open && inFeedsRoot && pair.path.length === 1 && pair.path[0] === 'url') {
      open.url = stringValue(text.slice(pair.value.start, pair.value.end));
      open.urlSpan = pair.value;
    } else if (pair && !seenHeader && pair.path.length === 1 && pair.path[0] === 'feeds' && text[pair.value.start] === '[') {
      layout.inline = { array: pair.value, elements: inlineFeeds(text, pair.value) };
    }
  });
  close(statements.length);
  checkLayout(data, layout, file);
  return layout;
}

function inlineFeeds(text: string, array: Span): (TomlFeed & { span: Span })[] {
  return members(text, array).map(({ span }) => {
    const url = text[span.start] === '{' ? members(text, span).find((m) => m.path?.length === 1 && m.path[0] === 'url') : undefined;
    const urlSpan = url?.value ?? { start: span.start, end: span.start };
    return { span, urlSpan, url: url ? stringValue(text.slice(urlSpan.start, urlSpan.end)) : '' };
  });
}

/** The scan must agree with the parser on every feed URL, or no edit is placed at all. */
function checkLayout(data: Record<string, unknown>, layout: TomlLayout, file: string): void {
  const parsed = Array.isArray(data.feeds) ? (data.feeds as unknown[]).map((f) => String((f as { url?: unknown }).url ?? '')) : [];
  const found = layout.inline ? layout.inline.elements.map((e) => e.url) : layout.blocks.map((b) => b.url);
  if (parsed.length !== found.length || parsed.some((url, i) => url !== found[i])) {
    throw new ConfigError('config-invalid', `config: cannot tell where the feeds of ${file} are written; edit it by hand`);
  }
}

/** Appends a feed after the last one, in the file's own style. */
export function appendToml(text: string, layout: TomlLayout, feed: { url: string; name: string }): string {
  // No name: the validator names the feed after its host, so an empty one is left out rather than rejected.
  const named = feed.name.trim() !== '';
  const pair = `url = ${tomlString(feed.url)}${named ? `, name = ${tomlString(feed.name)}` : ''}`;
  if (layout.inline) {
    const { array, elements } = layout.inline;
    const last = elements.at(-1);
    if (!last) return splice(text, array, `[{ ${pair} }]`);
    const afterLast = text.slice(last.span.end, array.end - 1);
    const comma = /^\s*,/.exec(afterLast);
    const lineStart = text.lastIndexOf('\n', last.span.start - 1) + 1;
    const indent = text.slice(lineStart, last.span.start);
    const lineEnd = text.indexOf('\n', last.span.end);
    // Elements on lines of their own get a line of their own (after the last one's comment, if any).
    if (/^[ \t]*$/.test(indent) && lineEnd !== -1 && lineEnd < array.end) {
      const added = splice(text, { start: lineEnd + 1, end: lineEnd + 1 }, `${indent}{ ${pair} }${comma ? ',' : ''}${lineBreakOf(text)}`);
      return comma ? added : splice(added, { start: last.span.end, end: last.span.end }, ',');
    }
    return splice(text, { start: last.span.end, end: last.span.end }, `, { ${pair} }`);
  }
  const lines = ['[[feeds]]', `url = ${tomlString(feed.url)}`, ...(named ? [`name = ${tomlString(feed.name)}`] : [])];
  return insertBlock(text, layout.statements, layout.blocks, lines);
}

/** Removes a feed: its table with its own comments, or its element of the inline array. */
export function removeToml(text: string, layout: TomlLayout, index: number): string {
  if (!layout.inline) {
    const block = layout.blocks[index];
    return block ? splice(text, removalSpan(layout.statements, block, text.length), '') : text;
  }
  const { array, elements } = layout.inline;
  const element = elements[index];
  if (!element) return text;
  const next = elements[index + 1];
  const lineStart = text.lastIndexOf('\n', element.span.start - 1) + 1;
  const ownLine = /^[ \t]*$/.test(text.slice(lineStart, element.span.start));
  const tail = /^[ \t]*,?[ \t]*(#[^\n]*)?\r?\n/.exec(text.slice(element.span.end));
  if (ownLine && tail) return splice(text, { start: commentsAbove(text, lineStart, array.start), end: element.span.end + tail[0].length }, '');
  if (next) return splice(text, { start: element.span.start, end: next.span.start }, '');
  const previous = elements[index - 1];
  const start = previous ? previous.span.end : array.start + 1;
  const trailing = /^\s*,?/.exec(text.slice(element.span.end))?.[0].length ?? 0;
  return splice(text, { start, end: element.span.end + (previous ? 0 : trailing) }, '');
}

/** Where the comment lines directly above a line start (within the array): they describe that element. */
function commentsAbove(text: string, lineStart: number, floor: number): number {
  let start = lineStart;
  for (;;) {
    const previous = text.lastIndexOf('\n', start - 2) + 1;
    if (previous <= floor || start === 0 || !/^[ \t]*#[^\n]*\n$/.test(text.slice(previous, start))) return start;
    start = previous;
  }
}

/** Replaces only the URL value of a feed. */
export function replaceTomlUrl(text: string, layout: TomlLayout, index: number, newUrl: string): string {
  const span = layout.inline ? layout.inline.elements[index]?.urlSpan : layout.blocks[index]?.urlSpan;
  return span ? splice(text, span, tomlString(newUrl)) : text;
}

/** The URLs of the feeds in file order. */
export function tomlUrls(layout: TomlLayout): string[] {
  return layout.inline ? layout.inline.elements.map((e) => e.url) : layout.blocks.map((b) => b.url);
}
