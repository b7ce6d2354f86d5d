// RSS 1.0 (https://web.resource.org/rss/1.0/spec) and RSS 0.90 (https://www.rssboard.org/rss-0-9-0):
// an <rdf:RDF> root whose <item>s are siblings of <channel>. Their elements are RSS 2.0's
// (title, link, description) plus rdf:about, so they are read into RSS wire types and share
// the RSS adapter rather than repeating it.
import { collectItems, parseChannelFields } from '../rss/parse.ts';
import type { RssChannel } from '../rss/wire.ts';
import { RSS090_NS, RSS10_NS } from '../xml/namespaces.ts';
import { firstChild } from '../xml/query.ts';
import type { XmlElement } from '../xml/tree.ts';

const RDF_RSS_NAMESPACES: ReadonlySet<string> = new Set([RSS10_NS, RSS090_NS, '']);

/** Reads an RSS 1.0 / 0.90 document (root <rdf:RDF>) into RSS wire types. */
export function parseRdf(root: XmlElement, documentUrl: string | undefined): RssChannel {
  const channelElement = firstChild(root, RDF_RSS_NAMESPACES, 'channel');
  const channel = channelElement ? parseChannelFields(channelElement, documentUrl) : { items: [] };
  // Items belong beside <channel>; inside it is wrong for RDF but seen in the wild, and collectItems finds both.
  collectItems(root, channel.items, documentUrl);
  return channel;
}
