/*
 * The htmltmpl template language as Planet 2.0 ships it (htmltmpl 1.22 by Tomas Styblo,
 * http://htmltmpl.sourceforge.net/), read from its documentation and behaviour:
 *
 * - A statement is `<TMPL_X ...>` or `</TMPL_X>`, or the same inside an HTML comment:
 *   `<!-- TMPL_X ... -->`. Its parameters are a name (bare first word, or NAME="...") and
 *   ESCAPE / GLOBAL. Parameter values may be double-quoted (single quotes accepted too).
 * - Spaces and tabs between the start of a line and a statement are removed, and so is one
 *   newline right after a statement, so a statement alone on its line leaves no blank line.
 * - `### ` starts a template comment that runs to the end of the line (the newline stays).
 *
 * Statement and parameter names are read case-insensitively (htmltmpl wants upper case; a
 * template written for it is unaffected). Variable names are case-sensitive, as in htmltmpl.
 */
import { RenderError } from '../../model/index.ts';

/** A statement or a run of text, with where it starts (for error messages). */
export type Token =
  | { kind: 'text'; text: string; file: string; line: number }
  | {
      kind: 'tag';
      /** Upper-case directive without the TMPL_ prefix, with a leading "/" for closing tags: "VAR", "/IF". */
      directive: string;
      name?: string;
      escape?: string;
      global?: string;
      file: string;
      line: number;
    };

// Statements: optional indentation at line start, the tag, an optional newline after it. The
// parameter characters are htmltmpl's, plus the single quote.
const statementPattern = /(?:^[ \t]+)?(<(?:!-- )?\/?TMPL_[A-Z]+[ a-zA-Z0-9"'/.=:_\\-]*>)\n?/gim;

const commentPattern = /### .*/g;

/** Splits template text into text and statements; `file` names the template in errors. */
export function lexTemplate(source: string, file: string): Token[] {
  const text = source.replace(commentPattern, '');
  const tokens: Token[] = [];
  let last = 0;
  let line = 1;
  const advance = (upTo: number): void => {
    for (let i = last; i < upTo; i++) if (text.charCodeAt(i) === 10) line++;
    last = upTo;
  };
  for (const match of text.matchAll(statementPattern)) {
    const start = match.index;
    if (start > last) tokens.push({ kind: 'text', text: text.slice(last, start), file, line });
    advance(start);
    tokens.push(readStatement(match[1] as string, file, line));
    advance(start + match[0].length);
  }
  if (last < text.length) tokens.push({ kind: 'text', text: text.slice(last), file, line });
  return tokens;
}

function readStatement(tag: string, file: string, line: number): Token {
  const fail = (what: string): never => {
    throw new RenderError('template', `render: ${file}:${line}: ${what} in ${tag}; fix the template`);
  };
  let inner: string;
  if (tag.startsWith('<!-- ')) {
    if (!tag.endsWith(' -->')) fail('a statement in an HTML comment must end with " -->"');
    inner = tag.slice(5, -4);
  } else {
    inner = tag.slice(1, -1);
  }
  const params = inner.trim().split(/\s+/);
  const directive = (params.shift() as string).toUpperCase().replace(/^(\/?)TMPL_/, '$1');
  let name: string | undefined;
  if (params.length > 0 && !(params[0] as string).includes('=')) name = params.shift();
  const named: Record<string, string> = {};
  for (const pair of params) {
    const eq = pair.indexOf('=');
    const key = pair.slice(0, eq).toUpperCase();
    const value = unquote(pair.slice(eq + 1));
    if (eq <= 0 || value === '') fail(`"${pair}" is not a PARAM="value" pair`);
    if (!['NAME', 'ESCAPE', 'GLOBAL'].includes(key)) fail(`unknown parameter ${key} (known: NAME, ESCAPE, GLOBAL)`);
    named[key] = value;
  }
  return {
    kind: 'tag',
    directive,
    name: name ?? named.NAME,
    escape: named.ESCAPE?.toUpperCase(),
    global: named.GLOBAL,
    file,
    line,
  };
}

function unquote(value: string): string {
  const quoted = value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.at(-1) === value[0];
  return quoted ? value.slice(1, -1) : value;
}
