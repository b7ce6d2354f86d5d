import { defaultTreeAdapter, html as parse5Html, parseFragment } from 'parse5';
import { DEFAULT_POLICY } from './policy.ts';
import type { SanitizePolicy } from './policy.ts';
import { createUrlPolicy } from './url-policy.ts';
import { escapeText } from './serialize.ts';
import { sanitizeToHtml } from './walk.ts';

export { ALLOWABLE_ATTRIBUTES, ALLOWABLE_ELEMENTS, createSanitizePolicy, DEFAULT_VIDEO_HOSTS, embeddedFrameHosts } from './policy.ts';
export type { SanitizePolicy } from './policy.ts';

/** How to sanitize one piece of HTML. */
export interface SanitizeOptions {
  /** URL that relative URLs resolve against (the entry's base); ignored unless absolute http(s). */
  baseUrl?: string;
  /** The feed's allowlist (createSanitizePolicy); the default one when absent. */
  policy?: SanitizePolicy;
}

// The HTML is parsed as the content of a <div>, where the theme puts it, so the tree checked
// here is the tree the browser builds on the page (a stray <td> or <body> is dropped, not kept).
const context = defaultTreeAdapter.createElement('div', parse5Html.NS.HTML, []);

const markupOrRewrite = /[<&\r\0]/;

/**
 * Untrusted HTML from a feed -> HTML safe to publish inside a <div> of the planet's page:
 * one spec-conformant parse (parse5), one walk against the allowlist, one serialisation.
 * Never throws; sanitizing its own output returns it unchanged.
 */
export function sanitizeHtml(html: string, options: SanitizeOptions = {}): string {
  // Plain text (a third of real entries): without "<" and "&" the parser makes one text node,
  // and without CR or NUL it changes no character, so escaping is the whole job.
  if (!markupOrRewrite.test(html)) return escapeText(html);
  const fragment = parseFragment(context, html, {});
  const { allowlist } = options.policy ?? DEFAULT_POLICY;
  return sanitizeToHtml(fragment, allowlist, createUrlPolicy(options.baseUrl));
}
