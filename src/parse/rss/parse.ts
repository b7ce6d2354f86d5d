import { CONTENT_NS, DC_NS, ITUNES_NS, RSS090_NS, RSS10_NS, RSS2_NAMESPACES } from '../xml/namespaces.ts';
import { attr, findNested, firstChild, innerHtml, textOf } from '../xml/query.ts';
import type { XmlElement } from '../xml/tree.ts';
import { xmlBaseOf } from '../urls.ts';
import type { RssChannel, RssItem } from './wire.ts';

// RSS 2.0 has no namespace; 0.9x/1.0 namespaces are accepted too for documents that mix them up.
const RSS_NAMESPACES: ReadonlySet<string> = new Set(['', RSS090_NS, RSS10_NS, ...RSS2_NAMESPACES]);

/** Reads an RSS 0.9x/2.0 document (root <rss>) into wire types. */
export function parseRss(root: XmlElement, documentUrl: string | undefined): RssChannel {
  if (!RSS_NAMESPACES.has(root.ns)) adoptNamespace(root, root.ns);
  // Some feeds put everything straight under <rss>; read that as the channel.
  const channelElement = firstChild(root, RSS_NAMESPACES, 'channel') ?? root;
  const channel = parseChannelFields(channelElement, documentUrl);
  collectItems(root, channel.items, documentUrl);
  return channel;
}

/** The channel-level fields of <channel> (RSS 0.9x-2.0) or RSS 1.0's <channel>. */
export function parseChannelFields(element: XmlElement, documentUrl: string | undefined): RssChannel {
  const channel: RssChannel = { items: [], xmlBase: xmlBaseOf(element, documentUrl), node: element };
  for (const child of element.children) {
    if (child.kind !== 'element') continue;
    if (RSS_NAMESPACES.has(child.ns)) {
      if (child.local === 'title') channel.title ??= textOf(child);
      else if (child.local === 'link') channel.link ??= textOf(child);
      else if (child.local === 'description') channel.description ??= innerHtml(child);
      else if (child.local === 'managingeditor') channel.managingEditor ??= textOf(child);
    } else if (child.ns === DC_NS && child.local === 'creator') {
      channel.dcCreator ??= textOf(child);
    } else if (child.ns === ITUNES_NS && child.local === 'author') {
      channel.itunesAuthor ??= textOf(child);
    }
  }
  return channel;
}

/**
 * Appends every <item> below the element in document order: under <channel> (RSS 2.0),
 * beside it (RSS 1.0, some 0.9x) or inside an element someone forgot to close.
 */
export function collectItems(parent: XmlElement, items: RssItem[], documentUrl: string | undefined): void {
  for (const element of findNested(parent, RSS_NAMESPACES, 'item')) items.push(parseItem(element, documentUrl));
}

/** One <item>: a single pass over its children; the first occurrence of a field wins. */
export function parseItem(element: XmlElement, documentUrl: string | undefined): RssItem {
  const item: RssItem = { complete: element.complete, xmlBase: xmlBaseOf(element, documentUrl), node: element };
  const about = attr(element, 'rdf:about');
  if (about !== undefined) item.rdfAbout = about.trim();
  let contentElement: XmlElement | undefined;
  let descriptionElement: XmlElement | undefined;
  for (const child of element.children) {
    if (child.kind !== 'element') continue;
    if (RSS_NAMESPACES.has(child.ns)) {
      switch (child.local) {
        case 'title':
          item.title ??= textOf(child);
          break;
        case 'link':
          item.link ??= textOf(child);
          break;
        case 'description':
          descriptionElement ??= child;
          break;
        case 'author':
          item.author ??= textOf(child);
          break;
        case 'guid':
          item.guid ??= { value: textOf(child).trim(), isPermaLink: attr(child, 'isPermaLink')?.trim().toLowerCase() !== 'false' };
          break;
        case 'pubdate':
          item.pubDate ??= textOf(child);
          break;
      }
    } else if (child.ns === CONTENT_NS && child.local === 'encoded') {
      contentElement ??= child;
    } else if (child.ns === DC_NS) {
      if (child.local === 'creator') item.dcCreator ??= textOf(child);
      else if (child.local === 'date') item.dcDate ??= textOf(child);
    } else if (child.ns === ITUNES_NS && child.local === 'author') {
      item.itunesAuthor ??= textOf(child);
    }
  }
  if (descriptionElement) item.description = innerHtml(descriptionElement);
  if (contentElement) item.contentEncoded = innerHtml(contentElement);
  item.contentXmlBase = xmlBaseOf(contentElement ?? descriptionElement ?? element, documentUrl);
  return item;
}

/** An <rss> in a namespace of its own (xmlns="http://backend.userland.com/rss2.1"): its elements are RSS's. */
function adoptNamespace(element: XmlElement, ns: string): void {
  if (element.ns === ns) element.ns = '';
  for (const child of element.children) if (child.kind === 'element') adoptNamespace(child, ns);
}
