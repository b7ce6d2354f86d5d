import { Parser } from 'htmlparser2';
import { resolveUrl } from './urls.ts';

// Feed autodiscovery (https://www.rssboard.org/rss-autodiscovery): <link rel="alternate"> with a feed type.
const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/feed+json']);

/** The feed URLs an HTML page advertises, absolute and deduplicated, in page order. */
export function advertisedFeeds(html: string, pageUrl: string | undefined): string[] {
  const hrefs: string[] = [];
  let baseHref: string | undefined;
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name === 'base' && baseHref === undefined && attrs.href) baseHref = attrs.href;
      if (name === 'body') parser.pause();
      if (name !== 'link' || !attrs.href) return;
      const rels = (attrs.rel ?? '').toLowerCase().split(/\s+/);
      const type = (attrs.type ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
      if (rels.includes('alternate') && FEED_TYPES.has(type)) hrefs.push(attrs.href);
    },
  });
  parser.write(html);
  const base = resolveUrl(baseHref, pageUrl) ?? pageUrl;
  const found = new Set<string>();
  for (const href of hrefs) {
    const url = resolveUrl(href, base);
    if (url !== undefined) found.add(url);
  }
  return [...found];
}
