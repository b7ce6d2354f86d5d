// RSS 2.0 as published: https://www.rssboard.org/rss-specification
// Read alongside it: content:encoded (https://web.resource.org/rss/1.0/modules/content/) and
// Dublin Core dc:creator / dc:date (https://www.dublincore.org/specifications/dublin-core/dces/),
// itunes:author (https://help.apple.com/itc/podcasts_connect/#/itcb54353390).
// Values are the element text as written (entities decoded); nothing is interpreted yet.
import type { XmlElement } from '../xml/tree.ts';

/** <guid>: an id that is also the permalink unless isPermaLink="false". */
export interface RssGuid {
  value: string;
  isPermaLink: boolean;
}

/** <item>. */
export interface RssItem {
  title?: string;
  link?: string;
  /** HTML (escaped, CDATA, or raw markup serialized back). */
  description?: string;
  author?: string;
  guid?: RssGuid;
  pubDate?: string;
  /** content:encoded, HTML. */
  contentEncoded?: string;
  dcCreator?: string;
  dcDate?: string;
  itunesAuthor?: string;
  /** RSS 1.0's rdf:about, the item's URI. */
  rdfAbout?: string;
  /** xml:base in scope at <item>; undefined when the document sets none. */
  xmlBase?: string;
  /** xml:base in scope at the element the content came from (content:encoded, else description). */
  contentXmlBase?: string;
  /** False when the document ended inside this item. */
  complete: boolean;
  /** The element itself, for the detail reader (rss/detail.ts). */
  node: XmlElement;
}

/** <channel>. */
export interface RssChannel {
  title?: string;
  link?: string;
  description?: string;
  managingEditor?: string;
  dcCreator?: string;
  itunesAuthor?: string;
  /** xml:base in scope at <channel>. */
  xmlBase?: string;
  /** The <channel> element, when there is one. */
  node?: XmlElement;
  items: RssItem[];
}
