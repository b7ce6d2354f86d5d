import { defaultTreeAdapter, html as parse5Html, parseFragment, serialize } from 'parse5';
import { DEFAULT_ALLOWLIST } from './allowlist.ts';
import { createUrlPolicy } from './url-policy.ts';
import { sanitizeTree } from './walk.ts';

/** How to sanitize one piece of HTML. */
export interface SanitizeOptions {
  /** URL that relative URLs resolve against (the entry's base); ignored unless absolute http(s). */
  baseUrl?: string;
}

// The HTML is parsed as the content of a <div>, where the theme puts it, so the tree checked
// here is the tree the browser builds on the page (a stray <td> or <body> is dropped, not kept).
const context = defaultTreeAdapter.createElement('div', parse5Html.NS.HTML, []);

/**
 * Untrusted HTML from a feed -> HTML safe to publish inside a <div> of the planet's page:
 * one spec-conformant parse (parse5), one walk against the allowlist, one serialisation.
 * Never throws; sanitizing its own output returns it unchanged.
 */
export function sanitizeHtml(html: string, options: SanitizeOptions = {}): string {
  const fragment = parseFragment(context, html, {});
  return serialize(sanitizeTree(fragment, DEFAULT_ALLOWLIST, createUrlPolicy(options.baseUrl)));
}
