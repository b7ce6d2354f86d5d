import { Tokenizer } from 'htmlparser2';

/** What the tokenizer reports, in document order; nothing is inferred (no implied or dropped tags). */
export interface TokenHandlers {
  /** `selfClosing` for `<x/>`, which feedparser's writer treats as a start tag only. */
  start(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  end(name: string): void;
  text(raw: string): void;
  comment(raw: string): void;
}

/**
 * Tokenizes HTML the way feedparser's SGML tokenizer sees it: a flat stream of start tags, end
 * tags (stray ones too), text and comments, with no tree building, no raw-text elements and
 * references left undecoded. htmlparser2's Tokenizer in XML mode does exactly that.
 */
export function tokenizeHtml(source: string, handlers: TokenHandlers): void {
  let tagName = '';
  let attrs: Record<string, string> = {};
  let attrName = '';
  let attrValue = '';
  const slice = (start: number, end: number): string => source.slice(start, end);
  const tokenizer = new Tokenizer(
    { xmlMode: true, decodeEntities: false },
    {
      ontext: (start, end) => handlers.text(slice(start, end)),
      ontextentity: () => undefined,
      onopentagname: (start, end) => {
        tagName = slice(start, end).toLowerCase();
        attrs = {};
      },
      onattribname: (start, end) => {
        attrName = slice(start, end).toLowerCase();
        attrValue = '';
      },
      onattribdata: (start, end) => {
        attrValue += slice(start, end);
      },
      onattribentity: () => undefined,
      onattribend: () => {
        // The last of duplicated attributes wins, as in feedparser.
        attrs[attrName] = attrValue;
      },
      onopentagend: () => handlers.start(tagName, attrs, false),
      // `<x ... />` is a start tag only, as in SGML: feedparser writes no end tag for it.
      onselfclosingtag: () => handlers.start(tagName, attrs, true),
      onclosetag: (start, end) => handlers.end(slice(start, end).toLowerCase()),
      // A comment is kept only when properly closed and without a `--` inside (XML's rule); the
      // others are where sanitizers are attacked, and feedparser drops them.
      oncomment: (start, end, offset) => {
        const raw = slice(start, end - offset);
        if (offset === 2 && !raw.includes('--')) handlers.comment(raw);
      },
      oncdata: (start, end, offset) => handlers.text(slice(start, end - offset)),
      ondeclaration: () => undefined,
      onprocessinginstruction: () => undefined,
      onend: () => undefined,
    },
  );
  tokenizer.write(source);
  tokenizer.end();
}
