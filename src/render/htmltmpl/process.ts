import { RenderError } from '../../model/index.ts';
import type { Origin, TemplateNode } from './parse.ts';

/** A template value: text or a number, a flag, or a loop (a list of records). */
export type TemplateValue = string | number | boolean | null | undefined | readonly TemplateRecord[];

/** The variables of one scope: the top level, or one pass of a loop. */
export interface TemplateRecord {
  readonly [name: string]: TemplateValue;
}

/** How variables are printed and looked up. */
export interface ProcessOptions {
  /** Escape every TMPL_VAR as HTML unless it says otherwise (htmltmpl's default; Planet turns it off). */
  htmlEscape?: boolean;
  /** Look a variable missing from a loop pass up in the enclosing scopes (htmltmpl's global_vars; Planet leaves it off). */
  globalVars?: boolean;
}

interface Pass {
  record: TemplateRecord;
  index: number;
  total: number;
}

/**
 * Fills a compiled template with `vars` (htmltmpl's TemplateProcessor semantics). A missing
 * variable prints as nothing and a missing loop runs zero times; inside a loop, names starting
 * "__" are the magic __FIRST__, __LAST__, __INNER__, __ODD__, __PASS__, __PASSTOTAL__ and
 * __EVERY__n (any case). TMPL_VAR GLOBAL="1" looks a missing name up in the enclosing scopes.
 */
export function processTemplate(nodes: readonly TemplateNode[], vars: TemplateRecord, options: ProcessOptions = {}): string {
  const out: string[] = [];
  run(nodes, [{ record: vars, index: 0, total: 1 }], options, out);
  return out.join('');
}

function run(nodes: readonly TemplateNode[], scopes: Pass[], options: ProcessOptions, out: string[]): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push(node.text);
        break;
      case 'gettext':
        out.push(node.text);
        break;
      case 'var':
        out.push(escape(toText(lookup(node.name, scopes, useGlobal(node.global, options), node.at)), node.escape, options));
        break;
      case 'if': {
        const truthy = isTrue(lookup(node.name, scopes, useGlobal(node.global, options), node.at));
        run(truthy !== node.negate ? node.then : node.otherwise, scopes, options, out);
        break;
      }
      case 'loop': {
        const list = loopOf(node.name, scopes, node.at);
        list.forEach((record, index) => run(node.body, [...scopes, { record, index, total: list.length }], options, out));
        break;
      }
    }
  }
}

function useGlobal(flag: string | undefined, options: ProcessOptions): boolean {
  return flag === '1' || (flag !== '0' && options.globalVars === true);
}

function has(record: TemplateRecord, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, name) && record[name] !== undefined && record[name] !== null;
}

function lookup(name: string, scopes: Pass[], global: boolean, at: Origin): TemplateValue {
  const inner = scopes.at(-1) as Pass;
  if (name.startsWith('__') && scopes.length > 1) return magic(name, inner, at);
  if (has(inner.record, name)) {
    const value = inner.record[name];
    return Array.isArray(value) ? value.length : value;
  }
  if (global) {
    for (let i = scopes.length - 2; i >= 0; i--) {
      const value = (scopes[i] as Pass).record[name];
      if (has((scopes[i] as Pass).record, name) && !Array.isArray(value)) return value;
    }
  }
  // htmltmpl answers 0 for an unknown loop name (capitalised) and "" for a variable.
  return /^[A-Z]/.test(name) ? 0 : '';
}

function loopOf(name: string, scopes: Pass[], at: Origin): readonly TemplateRecord[] {
  const record = (scopes.at(-1) as Pass).record;
  if (!has(record, name)) return [];
  const value = record[name];
  if (!Array.isArray(value)) {
    throw new RenderError('template', `render: ${at.file}:${at.line}: <TMPL_LOOP ${name}> names a variable, not a loop; use <TMPL_VAR ${name}>`);
  }
  return value;
}

function magic(name: string, pass: Pass, at: Origin): number {
  const upper = name.toUpperCase();
  const last = pass.total - 1;
  switch (upper) {
    case '__FIRST__':
      return pass.index === 0 ? 1 : 0;
    case '__LAST__':
      return pass.index === last ? 1 : 0;
    case '__INNER__':
      return pass.index !== 0 && pass.index !== last ? 1 : 0;
    case '__ODD__':
      return (pass.index + 1) % 2 === 1 ? 1 : 0;
    case '__PASS__':
      return pass.index + 1;
    case '__PASSTOTAL__':
      return pass.total;
    default:
      break;
  }
  if (upper.startsWith('__EVERY__')) {
    const every = Number(upper.slice('__EVERY__'.length));
    if (!Number.isInteger(every) || every <= 0) {
      throw new RenderError('template', `render: ${at.file}:${at.line}: ${name} needs a whole number above 0 after __EVERY__, e.g. __EVERY__3`);
    }
    // As in htmltmpl, never true on the first or the last pass.
    return pass.index !== 0 && pass.index !== last && (pass.index + 1) % every === 0 ? 1 : 0;
  }
  throw new RenderError(
    'template',
    `render: ${at.file}:${at.line}: unknown loop variable ${name}; known: __FIRST__, __LAST__, __INNER__, __ODD__, __PASS__, __PASSTOTAL__, __EVERY__n`,
  );
}

/** Python's truth: "", 0, false and an empty loop are false; any other text (even "0") is true. */
function isTrue(value: TemplateValue): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return value !== '' && value !== 0 && value !== false && value !== null && value !== undefined;
}

function toText(value: TemplateValue): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  return String(value);
}

function escape(text: string, how: string | undefined, options: ProcessOptions): string {
  if (how === 'HTML' || how === '1' || (how === undefined && options.htmlEscape === true)) return escapeHtml(text);
  if (how === 'URL') return escapeUrl(text);
  return text;
}

/** `&`, `<`, `>` and `"` as entities (Python's cgi.escape with quote=1, which htmltmpl uses). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Python's urllib.quote_plus: UTF-8 percent-encoding of all but letters, digits and `_.-`, space as `+`. */
function escapeUrl(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}
