import { decodeHTML, escapeText } from 'entities';
import { tokenizeHtml } from './feedparser-shape/html-tokens.ts';

// A closing tag, a tag with attributes or an entity: markup worth stripping from a title.
const LOOKS_LIKE_HTML = /<\/?[a-z][a-z0-9]*(\s[^>]*)?\/?>|&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;
const SKIPPED_ELEMENTS = new Set(['script', 'style']);

/** Trims and folds runs of whitespace (titles often carry the feed's indentation). */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Text of an HTML fragment: tags removed, entities decoded, whitespace folded. */
export function htmlToText(html: string): string {
  if (html.indexOf('<') === -1 && html.indexOf('&') === -1) return collapseWhitespace(html);
  const parts: string[] = [];
  let skipping = 0;
  // A flat token stream (no tree, no stack), so hostile nesting costs linear time.
  tokenizeHtml(html, {
    start(name, _attrs, selfClosing) {
      if (SKIPPED_ELEMENTS.has(name) && !selfClosing) skipping++;
    },
    end(name) {
      if (SKIPPED_ELEMENTS.has(name) && skipping > 0) skipping--;
    },
    text(raw) {
      if (skipping === 0) parts.push(raw.indexOf('&') === -1 ? raw : decodeHTML(raw));
    },
    comment() {},
  });
  return collapseWhitespace(parts.join(''));
}

/**
 * A field whose type the format leaves open (RSS titles): stripped as HTML when it
 * carries markup or entities, else taken as plain text, as feedparser does.
 */
export function plainText(value: string): string {
  return LOOKS_LIKE_HTML.test(value) ? htmlToText(value) : collapseWhitespace(value);
}

/** Plain text made safe to embed in HTML. */
export function escapeHtml(text: string): string {
  return escapeText(text);
}
