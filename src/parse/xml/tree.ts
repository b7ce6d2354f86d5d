/** A text run inside an element; `cdata` tells whether it came from a CDATA section (never entity-decoded). */
export interface XmlText {
  kind: 'text';
  text: string;
  cdata: boolean;
}

/** An element of the tolerant tree. */
export interface XmlElement {
  kind: 'element';
  /** Qualified name as the document spells it, e.g. `content:encoded`; used when serializing. */
  name: string;
  /** Local name lower-cased, so lookups tolerate `<PubDate>` as well as `<pubDate>`. */
  local: string;
  /** Namespace URI of the element ('' when none is in scope). */
  ns: string;
  /** Attributes by qualified name, entity-decoded. */
  attrs: Record<string, string>;
  children: XmlNode[];
  parent: XmlElement | undefined;
  /** False when the document ended before this element's end tag (a truncated download). */
  complete: boolean;
}

/** A node of the tolerant tree. */
export type XmlNode = XmlElement | XmlText;

/** What the tokenizer made of a document. */
export interface XmlDocument {
  root: XmlElement | undefined;
  /** Problems recovered from while building the tree. */
  warnings: string[];
  /** The first reason the document is not well-formed XML, when it is not. */
  malformed?: string;
}
