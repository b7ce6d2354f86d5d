// The layout both config formats share for editing: a file is a list of statements (blank lines,
// comment lines, section headers, key lines), and each feed is a block of them. Which comments
// belong to a feed is decided here once, for TOML and INI alike.

/** One statement of a config file: a physical line, or several for a multi-line TOML value. */
export interface Statement {
  kind: 'blank' | 'comment' | 'header' | 'content';
  /** Offset of its first character. */
  start: number;
  /** Offset just past its line break (or the end of the text). */
  end: number;
}

/** A span of text. */
export interface Span {
  start: number;
  end: number;
}

/** A feed written as a section: its header statement and the statements before the next section. */
export interface FeedBlock {
  url: string;
  /** Index of the header statement. */
  header: number;
  /** Index just past its last statement (the next header, or statements.length). */
  next: number;
  /** The URL as written: the value of `url` (TOML) or the section name (INI). */
  urlSpan: Span;
}

/**
 * Index of the first comment line directly above a header: comment lines with no blank line
 * between them and the header describe that feed ("# Alice's blog"); a comment block set off
 * by a blank line is about the file or a group of feeds and belongs to no single feed.
 */
export function attachedStart(statements: readonly Statement[], header: number, floor: number): number {
  let first = header;
  while (first - 1 >= floor && statements[first - 1]?.kind === 'comment') first--;
  return first;
}

/**
 * Index just past what a block owns after its header: up to its last key line, plus comment lines
 * that follow it with no blank line between (a commented-out option of that feed); not the
 * blank lines after it, nor comments directly above the next header (they belong to that header).
 */
export function ownedEnd(statements: readonly Statement[], block: FeedBlock): number {
  const nextOwner = block.next < statements.length ? attachedStart(statements, block.next, block.header + 1) : block.next;
  let end = block.header + 1;
  for (let i = block.header + 1; i < nextOwner; i++) {
    const kind = statements[i]?.kind;
    if (kind === 'content' || kind === 'header') end = i + 1;
    else if (kind === 'comment' && end === i) end = i + 1;
  }
  return end;
}

/** The text a removal takes out: the block, its own comments, and one run of blank lines beside it. */
export function removalSpan(statements: readonly Statement[], block: FeedBlock, textLength: number): Span {
  const first = attachedStart(statements, block.header, 0);
  let last = ownedEnd(statements, block);
  const offset = (i: number): number => statements[i]?.start ?? textLength;
  while (statements[last]?.kind === 'blank') last++;
  if (last < statements.length) return { start: offset(first), end: offset(last) };
  // Nothing follows: take the blank lines before it instead, so the file does not end in a gap.
  let before = first;
  while (before > 0 && statements[before - 1]?.kind === 'blank') before--;
  return { start: offset(before > 0 ? before : first), end: textLength };
}

/** True when the file separates feed blocks with blank lines (or has fewer than two to go by). */
export function usesBlankSeparators(statements: readonly Statement[], blocks: readonly FeedBlock[]): boolean {
  const last = blocks.at(-1);
  const previous = blocks.at(-2);
  if (!last || !previous) return true;
  const first = attachedStart(statements, last.header, previous.header + 1);
  return statements[first - 1]?.kind === 'blank';
}

/** The line break the file uses. */
export function lineBreakOf(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}

/** Replaces a span of text. */
export function splice(text: string, span: Span, insert: string): string {
  return text.slice(0, span.start) + insert + text.slice(span.end);
}

/**
 * Inserts a new block after the last feed (after what it owns) or, with no feeds, at the end;
 * `lines` are the new block's lines without line breaks.
 */
export function insertBlock(text: string, statements: readonly Statement[], blocks: readonly FeedBlock[], lines: readonly string[]): string {
  const eol = lineBreakOf(text);
  const last = blocks.at(-1);
  const at = last ? (statements[ownedEnd(statements, last) - 1]?.end ?? text.length) : text.length;
  const before = text.slice(0, at);
  const needsBreak = before.length > 0 && !before.endsWith('\n');
  const atEnd = at === text.length;
  const gap = usesBlankSeparators(statements, blocks) && before.trim() !== '' && (!atEnd || !/\n[ \t]*\r?\n$/.test(before));
  const block = (needsBreak ? eol : '') + (gap ? eol : '') + lines.join(eol) + eol;
  return before + block + text.slice(at);
}
