import { Parser } from 'htmlparser2';
import { resolveUrl } from './urls.ts';

/** A feed a web page advertises. */
export interface DiscoveredFeed {
  /** Absolute URL of the feed. */
  url: string;
  /** The link's title attribute, when it has one ("Comments feed", "Atom"...). */
  title?: string;
  /** The link's MIME type, lower case without parameters; empty for a rel="feed" link without one. */
  type: string;
}

// RSS autodiscovery (https://www.rssboard.org/rss-autodiscovery) and JSON Feed 1.1 (application/feed+json).
// Plain application/json is left out: WordPress advertises its REST API with it on every page.
const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/feed+json']);

/** True for a <link> that points at a feed: rel="alternate" with a feed type, or rel="feed" (HTML Living Standard). */
function isFeedLink(rels: readonly string[], type: string): boolean {
  if (rels.includes('alternate') && FEED_TYPES.has(type)) return true;
  return rels.includes('feed') && (type === '' || FEED_TYPES.has(type));
}

/** The feeds an HTML page advertises in its <head>: absolute URLs, in document order, each once. */
export function discoverFeeds(html: string, pageUrl: string): DiscoveredFeed[] {
  const links: { href: string; title?: string; type: string }[] = [];
  let baseHref: string | undefined;
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name === 'base' && baseHref === undefined && attrs.href) baseHref = attrs.href;
      // Browsers honour alternate links in the head only; a page's body may quote any markup.
      if (name === 'body') parser.pause();
      if (name !== 'link' || !attrs.href) return;
      const rels = (attrs.rel ?? '').toLowerCase().split(/\s+/);
      const type = (attrs.type ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
      if (!isFeedLink(rels, type)) return;
      const title = attrs.title?.trim();
      links.push({ href: attrs.href, type, ...(title ? { title } : {}) });
    },
  });
  parser.write(html);
  parser.end();
  const base = resolveUrl(baseHref, pageUrl) ?? pageUrl;
  const found = new Map<string, DiscoveredFeed>();
  for (const { href, title, type } of links) {
    const url = resolveUrl(href, base);
    if (url === undefined) continue;
    const seen = found.get(url);
    if (seen === undefined) found.set(url, { url, type, ...(title !== undefined ? { title } : {}) });
    else if (seen.title === undefined && title !== undefined) seen.title = title;
  }
  return [...found.values()];
}
