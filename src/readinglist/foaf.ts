import type { ListedFeed } from './listed-feed.ts';
import { httpUrl, text } from './listed-feed.ts';
import type { XmlNode } from './tree.ts';
import { descendants, parseXmlTree } from './tree.ts';

/**
 * The feeds of a FOAF reading list, as Planet's foafroll.xml writes them and Venus reads them:
 * each foaf:weblog whose document points (rdfs:seeAlso) at an rss:channel, named by the
 * foaf:name of the agent holding the weblog, else the document's dc:title.
 *
 *   <foaf:Agent><foaf:name>Jane</foaf:name><foaf:weblog>
 *     <foaf:Document rdf:about="https://jane.example/"><rdfs:seeAlso>
 *       <rss:channel rdf:about="https://jane.example/feed.xml"/>
 *   </rdfs:seeAlso></foaf:Document></foaf:weblog></foaf:Agent>
 */
export function parseFoaf(source: string, base?: string): ListedFeed[] {
  const feeds: ListedFeed[] = [];
  for (const weblog of descendants(parseXmlTree(source), 'weblog')) {
    const documents = weblog.children.filter((child) => child.name === 'Document');
    const siteUrl = httpUrl(weblog.attrs.resource ?? documents[0]?.attrs.about, base);
    const name = agentName(weblog) ?? text(descendants(weblog, 'title')[0]?.text);
    const channels = [
      ...descendants(weblog, 'channel').map((channel) => channel.attrs.about),
      ...descendants(weblog, 'seeAlso').map((seeAlso) => seeAlso.attrs.resource),
    ];
    for (const channel of channels) {
      const url = httpUrl(channel, base);
      if (url === undefined) continue;
      feeds.push({ url, ...(name !== undefined && { name }), ...(siteUrl !== undefined && { siteUrl }) });
    }
  }
  return feeds;
}

/** The foaf:name of the agent or person holding the weblog (not a group further up, whose name is the planet's). */
function agentName(weblog: XmlNode): string | undefined {
  const name = weblog.parent?.children.find((child) => child.name === 'name');
  return name === undefined ? undefined : text(name.text);
}
