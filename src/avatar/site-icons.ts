import { Parser } from 'htmlparser2';

/** The rel values that name a site's picture, best first (a touch icon is larger than a favicon). */
const iconRels = ['apple-touch-icon', 'apple-touch-icon-precomposed', 'icon', 'shortcut icon'] as const;

/**
 * The icons a web page names (`<link rel="apple-touch-icon">`, `<link rel="icon">`...), absolute
 * http(s) URLs best first, then the origin's /favicon.ico, which browsers try when none is named.
 * SVG icons (by their type or extension) are left out: Planet does not publish remote SVG.
 */
export function siteIconUrls(html: string, pageUrl: string): string[] {
  const found: Array<{ rank: number; url: string }> = [];
  let base = pageUrl;
  let done = false;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (done) return;
        if (name === 'base' && attrs.href !== undefined && URL.canParse(attrs.href, pageUrl)) base = new URL(attrs.href, pageUrl).href;
        if (name === 'body') done = true;
        if (name !== 'link' || attrs.href === undefined) return;
        const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/).filter(Boolean).join(' ');
        const rank = iconRels.findIndex((r) => r === rel || (r === 'icon' && rel.split(' ').includes('icon')));
        if (rank < 0 || (attrs.type ?? '').toLowerCase().includes('svg')) return;
        const url = absoluteHttp(attrs.href.trim(), base);
        if (url !== undefined && !/\.svgz?$/i.test(new URL(url).pathname)) found.push({ rank, url });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  const ordered = found.sort((a, b) => a.rank - b.rank).map((f) => f.url);
  const favicon = absoluteHttp('/favicon.ico', pageUrl);
  if (favicon !== undefined) ordered.push(favicon);
  return [...new Set(ordered)];
}

function absoluteHttp(href: string, base: string): string | undefined {
  if (!URL.canParse(href, base)) return undefined;
  const url = new URL(href, base);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}
