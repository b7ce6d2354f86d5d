// Atom 1.0, RFC 4287: https://www.rfc-editor.org/rfc/rfc4287
// Atom 0.3 (http://purl.org/atom/ns#) is read into the same types: issued -> published,
// modified -> updated, tagline -> subtitle, and its content "mode" mapped onto "type".
import type { XmlElement } from '../xml/tree.ts';

/** A Text construct (RFC 4287 section 3.1) or <content> (section 4.1.3). */
export interface AtomText {
  /** How `value` reads: plain text, HTML markup, or XHTML serialized to markup. */
  type: 'text' | 'html' | 'xhtml';
  /** Plain text for `text`; markup for `html` and `xhtml` (the inner div's children). */
  value: string;
  /** xml:base in scope at the element; undefined when the document sets none. */
  xmlBase?: string;
}

/** <content>, which may point elsewhere with src instead of carrying a value. */
export interface AtomContent extends AtomText {
  src?: string;
}

/** <link> (section 4.2.7). */
export interface AtomLink {
  href: string;
  rel?: string;
  type?: string;
  xmlBase?: string;
}

/** A Person construct (section 3.2). */
export interface AtomPerson {
  name?: string;
  email?: string;
  uri?: string;
  xmlBase?: string;
}

/** <entry> (section 4.1.2). */
export interface AtomEntry {
  id?: string;
  title?: AtomText;
  links: AtomLink[];
  content?: AtomContent;
  summary?: AtomText;
  authors: AtomPerson[];
  /** Authors of the feed the entry was copied from (<source>, section 4.2.11). */
  sourceAuthors: AtomPerson[];
  published?: string;
  updated?: string;
  xmlBase?: string;
  /** False when the document ended inside this entry. */
  complete: boolean;
  /** The element itself, for the detail reader (atom/detail.ts). */
  node: XmlElement;
}

/** <feed> (section 4.1.1). */
export interface AtomFeed {
  title?: AtomText;
  subtitle?: AtomText;
  links: AtomLink[];
  authors: AtomPerson[];
  entries: AtomEntry[];
  /** The <feed> element. */
  node?: XmlElement;
}
