import { ATOM03_NS, ATOM_NS, RSS090_NS, RSS10_NS } from './xml/namespaces.ts';
import type { XmlElement } from './xml/tree.ts';

/** The exact dialect of a document in feedparser's names (rss20, rss091u, rss10, atom10, atom03...). */
export function versionOf(root: XmlElement, netscapeDoctype: boolean): string {
  const version = root.attrs.version?.trim() ?? '';
  if (root.local === 'rss') {
    if (version.startsWith('2')) return 'rss20';
    if (version === '0.91') return netscapeDoctype ? 'rss091n' : 'rss091u';
    const dialect = { '0.9': 'rss090', '0.90': 'rss090', '0.92': 'rss092', '0.93': 'rss093', '0.94': 'rss094' }[version];
    return dialect ?? 'rss';
  }
  if (root.local === 'channel') return 'cdf';
  if (root.local === 'rdf') {
    if (root.attrs.xmlns === RSS090_NS) return 'rss090';
    for (const child of root.children) {
      if (child.kind !== 'element') continue;
      if (child.ns === RSS10_NS) return 'rss10';
      if (child.ns === RSS090_NS) return 'rss090';
    }
    return 'rss10';
  }
  if (root.ns === ATOM_NS) return 'atom10';
  if (root.ns === ATOM03_NS || version === '0.3') return 'atom03';
  if (version === '0.2') return 'atom02';
  if (version === '0.1') return 'atom01';
  return 'atom';
}
