// Text edits of a Planet 2.0 / Venus config.ini: one `[feed URL]` section per subscription, read
// by Python's ConfigParser (https://docs.python.org/3/library/configparser.html).
import { ConfigError } from '../model/index.ts';
import type { FeedBlock, Statement } from './edit-lines.ts';
import { insertBlock, removalSpan, splice } from './edit-lines.ts';

/** An INI file's statements and its feed sections. */
export interface IniLayout {
  statements: Statement[];
  blocks: FeedBlock[];
}

// Planet 2.0 ran on Python 2's ConfigParser: a header starts in column 0 and ends at the first `]`.
const HEADER = /^\[([^\]\r\n]+)\]/;

/**
 * A section is a feed when its name is an absolute URL: Planet and Venus name every other
 * section ([Planet], [DEFAULT], template and filter sections) by a word or a file name.
 */
export function isFeedSection(name: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(name.trim());
}

/** Splits INI text into lines and finds the feed sections. */
export function iniLayout(text: string): IniLayout {
  const statements: Statement[] = [];
  const blocks: FeedBlock[] = [];
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (at < text.length) {
    const breakAt = text.indexOf('\n', at);
    const end = breakAt === -1 ? text.length : breakAt + 1;
    const line = text.slice(at, end).replace(/\r?\n$/, '');
    const header = HEADER.exec(line);
    const stripped = line.trim();
    // Python 2's ConfigParser: a comment starts in column 0 ("#", ";" or "rem"); an indented "#" continues a value.
    const kind = header ? 'header' : stripped === '' ? 'blank' : /^(?:[#;]|[rR][eE][mM](?:\s|$))/.test(line) ? 'comment' : 'content';
    if (header?.[1] !== undefined) {
      if (isFeedSection(header[1])) {
        blocks.push({ url: header[1].trim(), header: statements.length, next: -1, urlSpan: { start: at + 1, end: at + 1 + header[1].length } });
      }
    }
    statements.push({ kind, start: at, end });
    at = end;
  }
  // Each feed section runs to the next header of any kind.
  for (const block of blocks) {
    const next = statements.findIndex((s, i) => i > block.header && s.kind === 'header');
    block.next = next === -1 ? statements.length : next;
  }
  return { statements, blocks };
}

/**
 * A name as Python 2.7's ConfigParser reads it back the same: one line, no space before a ";"
 * (" ;" starts an inline comment), and no "%(" (interpolation repeats while one is left, so no
 * escape survives; "% (" reads as written). "&" is written "&amp;": Planet 2.0 printed names as
 * HTML, so the INI reader decodes character references in them, and a plain "&" must survive that.
 * Empty or `""` (read as empty): the URL instead.
 */
function iniValue(value: string, fallback: string): string {
  const flat = value.replaceAll('&', '&amp;').replace(/[ \t\n\r\v\f]+/g, ' ').replace(/^ | $/g, '').replace(/ ;/g, ';').replaceAll('%(', '% (');
  return flat === '' || flat === '""' ? fallback : flat;
}

/** Appends `[url]` with `name = ...` after the last feed section. */
export function appendIni(text: string, layout: IniLayout, feed: { url: string; name: string }, file: string): string {
  if (/[\]\r\n]/.test(feed.url)) {
    throw new ConfigError('config-invalid', `config: cannot add ${feed.url} to ${file}: an INI section name cannot hold "]" or a line break; add it by hand`);
  }
  const separator = nameSeparator(text, layout);
  return insertBlock(text, layout.statements, layout.blocks, [`[${feed.url}]`, `name${separator}${iniValue(feed.name, feed.url)}`]);
}

/** The `name = ` spelling of the last feed that has one (`name = `, `name=`, `name: `...). */
function nameSeparator(text: string, layout: IniLayout): string {
  for (const block of [...layout.blocks].reverse()) {
    for (let i = block.header + 1; i < block.next; i++) {
      const statement = layout.statements[i];
      const match = statement && /^name([ \t]*[=:][ \t]*)[^ \t\r\n]/.exec(text.slice(statement.start, statement.end));
      if (match?.[1] !== undefined) return match[1];
    }
  }
  return ' = ';
}

/** Removes a feed section with its own comments. */
export function removeIni(text: string, layout: IniLayout, index: number): string {
  const block = layout.blocks[index];
  return block ? splice(text, removalSpan(layout.statements, block, text.length), '') : text;
}

/** Replaces the URL in a feed's section header, nothing else. */
export function replaceIniUrl(text: string, layout: IniLayout, index: number, newUrl: string, file: string): string {
  const block = layout.blocks[index];
  if (!block) return text;
  if (/[\]\r\n]/.test(newUrl)) {
    throw new ConfigError('config-invalid', `config: cannot move ${block.url} to ${newUrl} in ${file}: an INI section name cannot hold "]" or a line break; edit it by hand`);
  }
  return splice(text, block.urlSpan, newUrl);
}
