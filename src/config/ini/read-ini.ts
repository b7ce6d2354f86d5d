/**
 * An INI reader with the behaviour of Python 2.7's ConfigParser, which Planet 2.0 and Planet
 * Venus read their config.ini with (`from ConfigParser import ConfigParser`). Each rule cites
 * https://docs.python.org/2.7/library/configparser.html ("the 2.7 docs") or, where the docs are
 * silent, what Lib/ConfigParser.py of 2.7 does (described in our words, no code taken).
 */
import { ConfigError } from '../../model/index.ts';

/** One `name = value` of a section, with where it came from and the comments above it. */
export interface IniOption {
  /** Lower-cased, as ConfigParser's optionxform does. */
  name: string;
  /** The raw value: continuation lines joined with "\n", before interpolation. */
  value: string;
  line: number;
  /** Comment lines directly above the option (text after the # or ;). */
  comments: string[];
}

/** A `[section]`; a repeated header adds to the same section. */
export interface IniSection {
  /** Case-sensitive, as written between the brackets. */
  name: string;
  line: number;
  options: Map<string, IniOption>;
  comments: string[];
}

/** A parsed file: [DEFAULT] apart, the other sections in the order they first appear. */
export interface IniDocument {
  file: string;
  defaults: IniSection;
  sections: Map<string, IniSection>;
}

/** The name of the section whose values every other section sees (2.7 docs: DEFAULTSECT). */
export const DEFAULT_SECTION = 'DEFAULT';

// Python 2 str methods see only ASCII whitespace; JavaScript's \s and trim() also take NBSP and
// other Unicode spaces, which ConfigParser keeps in values.
const PY_SPACE = ' \t\n\r\v\f';
const isPySpace = (ch: string | undefined): boolean => ch !== undefined && ch !== '' && PY_SPACE.includes(ch);
const pyStrip = (s: string): string => s.replace(/^[ \t\n\r\v\f]+|[ \t\n\r\v\f]+$/g, '');

// ConfigParser.SECTCRE: "[" then anything but "]" then "]"; the rest of the line is ignored.
const SECTION_HEADER = /^\[([^\]]+)\]/;
// ConfigParser.OPTCRE: the name runs to the first ":" or "=" (2.7 docs: "name: value entries ...
// name=value is also accepted"); it may not start with whitespace or a separator.
const OPTION_LINE = /^([^:=\t\n\r\v\f ][^:=]*?)[ \t\n\r\v\f]*([:=])[ \t\n\r\v\f]*([\s\S]*)$/;

/** Reads INI text as Python 2.7's ConfigParser.read() does; throws a ConfigError naming every bad line. */
export function readIni(text: string, file: string): IniDocument {
  const defaults: IniSection = { name: DEFAULT_SECTION, line: 0, options: new Map(), comments: [] };
  const sections = new Map<string, IniSection>();
  const bad: string[] = [];
  let current: IniSection | undefined;
  let option: IniOption | undefined;
  let pending: string[] = [];
  // Python would choke on a UTF-8 byte order mark before the first header; editors add one.
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const line = raw;
    // 2.7 docs: "Lines beginning with '#' or ';' are ignored and may be used to provide comments."
    // Blank lines are skipped too and, unlike Python 3, do not end a value: an indented line after
    // them still continues it.
    if (pyStrip(line) === '' || line[0] === '#' || line[0] === ';') {
      if (pyStrip(line) !== '') pending.push(pyStrip(line.slice(1)));
      return;
    }
    // 2.7 also skips "rem" lines (a first word of "rem", any case, with no indent), from its
    // Windows INI heritage; note this swallows an option written "rem = x".
    if ((line[0] === 'r' || line[0] === 'R') && (line.split(/[ \t\n\r\v\f]+/)[0] ?? '').toLowerCase() === 'rem') {
      pending.push(pyStrip(line.slice(3)));
      return;
    }
    // 2.7 docs: "continuations in the style of RFC 822": an indented line continues the value;
    // its surrounding whitespace is stripped and it adds a line when not empty.
    if (isPySpace(line[0]) && current !== undefined && option !== undefined) {
      const more = pyStrip(line);
      if (more !== '') option.value = `${option.value}\n${more}`;
      return;
    }
    const header = SECTION_HEADER.exec(line);
    if (header !== null) {
      const name = header[1] ?? '';
      // A repeated header reopens the section (later options win), as 2.7 does.
      current = name === DEFAULT_SECTION ? defaults : sections.get(name);
      if (current === undefined) {
        current = { name, line: lineNo, options: new Map(), comments: [] };
        sections.set(name, current);
      }
      if (current === defaults && defaults.line === 0) defaults.line = lineNo;
      current.comments.push(...pending);
      pending = [];
      // A section cannot start with a continuation line.
      option = undefined;
      return;
    }
    if (current === undefined) {
      throw new ConfigError(
        'config-syntax',
        `config: ${file}:${lineNo}: the file must start with a [section] header (e.g. [Planet]) before "${pyStrip(line)}"`,
      );
    }
    const match = OPTION_LINE.exec(line);
    if (match === null) {
      bad.push(`${file}:${lineNo}: cannot read "${pyStrip(line)}": expected "name = value", a [section] header, a comment starting with # or ;, or an indented continuation of the value above`);
      return;
    }
    const name = pyStrip(match[1] ?? '').toLowerCase();
    const value = pyStrip(stripInlineComment(match[3] ?? ''));
    // 2.7 turns a value of exactly "" into the empty string.
    option = { name, value: value === '""' ? '' : value, line: lineNo, comments: pending };
    pending = [];
    // A repeated option replaces the earlier one (later wins).
    current.options.delete(name);
    current.options.set(name, option);
  });
  if (bad.length > 0) {
    const count = bad.length === 1 ? 'a line' : `${bad.length} lines`;
    throw new ConfigError('config-syntax', `config: ${file} has ${count} ConfigParser cannot read:\n  ${bad.join('\n  ')}`);
  }
  return { file, defaults, sections };
}

/**
 * 2.7 docs: inline comments "need to be preceded by a whitespace character to be recognized as a
 * comment. (For backwards compatibility, only ; starts an inline comment, while # does not.)"
 * 2.7 looks only at the first ";" of the value, and for a ";" at the very start it checks the
 * value's last character (Python's index -1); both quirks are kept so values read the same.
 */
function stripInlineComment(value: string): string {
  const pos = value.indexOf(';');
  if (pos === -1) return value;
  const before = pos === 0 ? value[value.length - 1] : value[pos - 1];
  return isPySpace(before) ? value.slice(0, pos) : value;
}

/** The options a section sees: its own, then [DEFAULT]'s it does not override (2.7 docs on DEFAULT). */
export function sectionOptions(doc: IniDocument, section: IniSection): Map<string, IniOption> {
  const all = new Map(section.options);
  if (section !== doc.defaults) for (const [name, option] of doc.defaults.options) if (!all.has(name)) all.set(name, option);
  return all;
}
