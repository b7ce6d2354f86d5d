import { Parser } from 'htmlparser2';

/** An XML element as the list readers need it: local name, attributes by local name, children, text. */
export interface XmlNode {
  /** The name without its namespace prefix, as written (case kept). */
  name: string;
  /** Attributes by local name, lower-cased (OPML writers disagree on xmlUrl / xmlurl). */
  attrs: Record<string, string>;
  children: XmlNode[];
  parent?: XmlNode;
  text: string;
}

const local = (name: string): string => name.slice(name.indexOf(':') + 1);

/**
 * A forgiving element tree of an XML document: htmlparser2 in XML mode never throws, so a list
 * with a stray `&` or an unclosed tag still yields its outlines. Namespaces are reduced to local
 * names: OPML has none, and FOAF files use the conventional prefixes for few, distinct names.
 */
export function parseXmlTree(text: string): XmlNode {
  const root: XmlNode = { name: '#document', attrs: {}, children: [], text: '' };
  let current = root;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const attrs: Record<string, string> = {};
        for (const [key, value] of Object.entries(attributes)) attrs[local(key).toLowerCase()] = value;
        const node: XmlNode = { name: local(name), attrs, children: [], parent: current, text: '' };
        current.children.push(node);
        current = node;
      },
      ontext(data) {
        current.text += data;
      },
      onclosetag() {
        current = current.parent ?? root;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(text);
  parser.end();
  return root;
}

/** Every element below `node` with this local name, in document order. */
export function descendants(node: XmlNode, name: string): XmlNode[] {
  const found: XmlNode[] = [];
  const walk = (at: XmlNode): void => {
    for (const child of at.children) {
      if (child.name === name) found.push(child);
      walk(child);
    }
  };
  walk(node);
  return found;
}
