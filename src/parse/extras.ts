import { uriAt } from './detail-read.ts';
import type { ParseContext } from './warnings.ts';
import { textOf } from './xml/query.ts';
import type { XmlElement } from './xml/tree.ts';

/** A value the model has no field for: an element's text, or its attributes when it has some. */
export type ExtraValue = string | Record<string, string>;

// feedparser's own prefixes for well-known namespaces (its `namespaces` table); other
// namespaces keep the prefix the document gives them.
const CANONICAL_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['http://wellformedweb.org/CommentAPI/', 'wfw'],
  ['http://purl.org/rss/1.0/modules/slash/', 'slash'],
  ['http://purl.org/syndication/thread/1.0', 'thr'],
  ['http://rssnamespace.org/feedburner/ext/1.0', 'feedburner'],
  ['http://purl.org/rss/1.0/modules/syndication/', 'sy'],
  ['http://webns.net/mvcb/', 'admin'],
  ['http://search.yahoo.com/mrss/', 'media'],
  ['http://www.georss.org/georss', 'georss'],
  ['http://purl.org/rss/1.0/modules/content/', 'content'],
  ['http://purl.org/dc/elements/1.1/', 'dc'],
  ['http://purl.org/dc/terms/', 'dcterms'],
]);
const CC_NAMESPACES = new Set(['http://web.resource.org/cc/', 'http://backend.userland.com/creativeCommonsRssModule']);
// Keys whose values are URLs, resolved against the base in scope (feedparser's can_be_relative_uri).
const URI_KEYS = new Set(['docs', 'wfw_comment', 'wfw_commentrss', 'url', 'href']);

/**
 * An element no reader handles, kept as feedparser keeps it: under `prefix_name`, its
 * trimmed text, or its attributes (names lower-cased) when it has any.
 */
export function readExtra(element: XmlElement, context: ParseContext): [string, ExtraValue] {
  const colon = element.name.indexOf(':');
  const prefix = CANONICAL_PREFIXES.get(element.ns) ?? (colon === -1 ? '' : element.name.slice(0, colon).toLowerCase());
  // Creative Commons licenses (cc:license, creativeCommons:license) are feedparser's `license`.
  if (element.local === 'license' && CC_NAMESPACES.has(element.ns)) return ['license', (element.attrs['rdf:resource'] ?? textOf(element)).trim()];
  const key = prefix === '' ? element.local : `${prefix}_${element.local}`;
  const attrs: Record<string, string> = {};
  let hasAttrs = false;
  for (const name in element.attrs) {
    if (name === 'xmlns' || name.startsWith('xmlns:') || name.startsWith('xml:')) continue;
    attrs[name.toLowerCase()] = element.attrs[name] ?? '';
    hasAttrs = true;
  }
  if (hasAttrs) return [key, attrs];
  const text = textOf(element).trim();
  return [key, URI_KEYS.has(key) ? uriAt(element, text, context) : text];
}
