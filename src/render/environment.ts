import nunjucks from 'nunjucks';
import type { Messages } from './messages.ts';
import { translator } from './messages.ts';
import { stripForbiddenXmlChars, xmlText } from './xml-text.ts';

/**
 * A Nunjucks environment over a theme's directories (child first), with Planet's filters
 * registered and `t` translating the theme's words with `messages` (see messages.ts).
 */
export function createEnvironment(searchPath: string[], messages: Messages = {}): nunjucks.Environment {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(searchPath), {
    autoescape: true,
    // A theme may test optional fields (`{% if entry.author %}`) without guarding each one.
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
  // Marked safe so autoescape does not escape the result a second time; undefined and null
  // print as nothing, like a plain `{{ }}`.
  env.addFilter('xmltext', (value: unknown) => {
    const text = value === undefined || value === null ? '' : String(value);
    return new nunjucks.runtime.SafeString(xmlText(text));
  });
  // JSON Feed values: JSON.stringify quotes and escapes; forbidden characters go as in XML so
  // every output carries the same text.
  env.addFilter('json', (value: unknown) => {
    const clean = typeof value === 'string' ? stripForbiddenXmlChars(value) : value;
    return new nunjucks.runtime.SafeString(JSON.stringify(clean ?? null));
  });
  env.addExtension('memo', memoExtension());
  env.addGlobal('t', translator(messages));
  return env;
}

/** The parts of Nunjucks' undocumented parser API the memo tag uses (nunjucks/src/parser.js). */
interface TagParser {
  nextToken(): { value: string };
  parseSignature(tolerant: null, noParens: boolean): unknown;
  advanceAfterBlockEnd(name?: string): void;
  parseUntilBlocks(...names: string[]): unknown;
}
interface TagNodes {
  CallExtension: new (extension: object, method: string, args: unknown, bodies: unknown[]) => unknown;
}

/**
 * `{% memo "name", key... %}...{% endmemo %}`: the body is rendered once per distinct list of
 * arguments in one environment (one site render) and reused after. For fragments that are the
 * same on many pages: the sidebar lists every subscription and differs between pages only by
 * `page.root`, so a 567-feed planet rendered it 600 times (bench/render: a quarter of the
 * render time). A theme must list every value the body depends on besides site-wide data.
 */
function memoExtension(): nunjucks.Extension {
  const rendered = new Map<string, nunjucks.runtime.SafeString>();
  return {
    tags: ['memo'],
    // Nunjucks passes its parser and node classes untyped (@types/nunjucks: any); TagParser and
    // TagNodes name what is used of them.
    parse(parser: TagParser, nodes: TagNodes) {
      const tag = parser.nextToken();
      const args = parser.parseSignature(null, true);
      parser.advanceAfterBlockEnd(tag.value);
      const body = parser.parseUntilBlocks('endmemo');
      parser.advanceAfterBlockEnd();
      return new nodes.CallExtension(this, 'run', args, [body]);
    },
    run(_context: unknown, ...args: unknown[]) {
      const body = args.pop() as () => string;
      const key = JSON.stringify(args);
      let html = rendered.get(key);
      if (html === undefined) rendered.set(key, (html = new nunjucks.runtime.SafeString(body())));
      return html;
    },
  } as nunjucks.Extension;
}
