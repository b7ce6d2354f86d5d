import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { RenderError } from '../../model/index.ts';
import { lexTemplate } from './lex.ts';
import type { Token } from './lex.ts';

/** Where a statement came from, for runtime errors. */
export interface Origin {
  file: string;
  line: number;
}

/** A compiled template: a tree of text and statements. */
export type TemplateNode =
  | { type: 'text'; text: string }
  | { type: 'var'; name: string; escape?: string; global?: string; at: Origin }
  | { type: 'if'; negate: boolean; name: string; global?: string; then: TemplateNode[]; otherwise: TemplateNode[]; at: Origin }
  | { type: 'loop'; name: string; body: TemplateNode[]; at: Origin }
  | { type: 'gettext'; text: string };

/** htmltmpl's limit on nested TMPL_INCLUDEs, which stops a template including itself forever. */
const maxIncludeDepth = 5;

/** The ESCAPE values htmltmpl knows. */
const escapes = ['HTML', 'URL', 'NONE', '0', '1'];

/**
 * Reads and compiles a template file. TMPL_INCLUDE NAME="x" reads `inc/x` beside the main
 * template (htmltmpl's include directory, for nested includes too) and is spliced in as
 * tokens, so an included file may open a block the includer closes, as in htmltmpl.
 */
export function compileTemplateFile(path: string): TemplateNode[] {
  return compileTokens(expandIncludes(lexTemplate(readTemplate(path, path), path), join(dirname(path), 'inc'), 0));
}

/** Compiles template text (TMPL_INCLUDE reads from `inc/` beside `file`). */
export function compileTemplate(source: string, file: string): TemplateNode[] {
  return compileTokens(expandIncludes(lexTemplate(source, file), join(dirname(file), 'inc'), 0));
}

function readTemplate(path: string, from: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    const via = from === path ? '' : ` (included from ${from})`;
    throw new RenderError('template', `render: cannot read template ${path}${via}: ${reason}; fix template_files or the include`, {
      cause: error,
    });
  }
}

function expandIncludes(tokens: Token[], includeDir: string, depth: number): Token[] {
  const out: Token[] = [];
  for (const token of tokens) {
    if (token.kind !== 'tag' || token.directive !== 'INCLUDE') {
      out.push(token);
      continue;
    }
    const where = `${token.file}:${token.line}`;
    if (token.name === undefined) fail(where, '<TMPL_INCLUDE> names no file; write <TMPL_INCLUDE NAME="file">');
    if (depth >= maxIncludeDepth) fail(where, `includes are nested deeper than ${maxIncludeDepth} levels (does a template include itself?)`);
    const path = join(includeDir, token.name as string);
    out.push(...expandIncludes(lexTemplate(readTemplate(path, where), path), includeDir, depth + 1));
  }
  return out;
}

function fail(where: string, what: string): never {
  throw new RenderError('template', `render: ${where}: ${what}; fix the template`);
}

interface Open {
  node: Extract<TemplateNode, { type: 'if' | 'loop' }>;
  /** The list statements are being added to: a loop's body, or an if's then / else branch. */
  target: TemplateNode[];
  sawElse: boolean;
}

function compileTokens(tokens: Token[]): TemplateNode[] {
  const root: TemplateNode[] = [];
  const stack: Open[] = [];
  const current = (): TemplateNode[] => stack.at(-1)?.target ?? root;
  for (const token of tokens) {
    if (token.kind === 'text') {
      current().push({ type: 'text', text: token.text });
      continue;
    }
    const at = { file: token.file, line: token.line };
    const where = `${token.file}:${token.line}`;
    const named = (): string => {
      if (token.name === undefined || token.name === '') fail(where, `<TMPL_${token.directive}> names no variable`);
      return token.name as string;
    };
    switch (token.directive) {
      case 'VAR': {
        if (token.escape !== undefined && !escapes.includes(token.escape)) {
          fail(where, `ESCAPE="${token.escape}" is not one of HTML, URL, NONE`);
        }
        current().push({ type: 'var', name: named(), escape: token.escape, global: token.global, at });
        break;
      }
      case 'IF':
      case 'UNLESS': {
        const node: TemplateNode = { type: 'if', negate: token.directive === 'UNLESS', name: named(), global: token.global, then: [], otherwise: [], at };
        current().push(node);
        stack.push({ node, target: node.then, sawElse: false });
        break;
      }
      case 'ELSE': {
        const open = stack.at(-1);
        if (open === undefined || open.node.type !== 'if') fail(where, '<TMPL_ELSE> outside <TMPL_IF> or <TMPL_UNLESS>');
        if (open.sawElse) fail(where, `a second <TMPL_ELSE> for the block opened at line ${open.node.at.line}`);
        open.sawElse = true;
        open.target = open.node.otherwise;
        break;
      }
      case 'LOOP': {
        const node: TemplateNode = { type: 'loop', name: named(), body: [], at };
        current().push(node);
        stack.push({ node, target: node.body, sawElse: false });
        break;
      }
      case '/IF':
      case '/UNLESS':
      case '/LOOP': {
        const open = stack.pop();
        const want = token.directive.slice(1);
        const have = open === undefined ? undefined : open.node.type === 'loop' ? 'LOOP' : open.node.negate ? 'UNLESS' : 'IF';
        if (open === undefined || have !== want) {
          const opened = open === undefined ? 'nothing is open' : `<TMPL_${have}> of ${open.node.at.file}:${open.node.at.line} is open`;
          fail(where, `</TMPL_${want}> closes nothing (${opened})`);
        }
        break;
      }
      case 'GETTEXT':
        // Planet runs htmltmpl without a message catalogue, so the text is printed as written.
        current().push({ type: 'gettext', text: token.name ?? '' });
        break;
      case 'BOUNDARY':
        // Separates the parts of a multipart template; a whole-template run prints nothing for it.
        break;
      default:
        fail(where, `unknown statement <TMPL_${token.directive}> (known: VAR, IF, UNLESS, ELSE, LOOP, INCLUDE, GETTEXT)`);
    }
  }
  const unclosed = stack.at(-1);
  if (unclosed !== undefined) {
    const kind = unclosed.node.type === 'loop' ? 'LOOP' : unclosed.node.negate ? 'UNLESS' : 'IF';
    fail(`${unclosed.node.at.file}:${unclosed.node.at.line}`, `<TMPL_${kind} ${unclosed.node.name}> is never closed with </TMPL_${kind}>`);
  }
  return root;
}
