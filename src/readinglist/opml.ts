import type { ListedFeed } from './listed-feed.ts';
import { httpUrl, text } from './listed-feed.ts';
import { descendants, parseXmlTree } from './tree.ts';

/**
 * The feeds of an OPML subscription list (OPML 1.0/2.0, http://opml.org/spec2.opml): every
 * <outline> with an xmlUrl, at any depth (folders are flattened); its name is the title, else
 * the text attribute, and htmlUrl is the site.
 */
export function parseOpml(source: string, base?: string): ListedFeed[] {
  return descendants(parseXmlTree(source), 'outline').flatMap((outline) => {
    const url = httpUrl(outline.attrs.xmlurl, base);
    if (url === undefined) return [];
    const name = text(outline.attrs.title) ?? text(outline.attrs.text);
    const siteUrl = httpUrl(outline.attrs.htmlurl, base);
    return [{ url, ...(name !== undefined && { name }), ...(siteUrl !== undefined && { siteUrl }) }];
  });
}
