import { ATOM03_NS, ATOM_NS, XHTML_NS } from '../xml/namespaces.ts';
import { findNested, innerHtml, textOf } from '../xml/query.ts';
import { serializeChildren } from '../xml/serialize.ts';
import type { XmlElement } from '../xml/tree.ts';
import { xmlBaseOf } from '../urls.ts';
import type { AtomContent, AtomEntry, AtomFeed, AtomLink, AtomPerson, AtomText } from './wire.ts';

// Atom 1.0, Atom 0.3, and no namespace at all for feeds that forget to declare one.
const ATOM_NAMESPACES: ReadonlySet<string> = new Set([ATOM_NS, ATOM03_NS, '']);

/** Reads an Atom 1.0 or 0.3 document (root <feed>) into wire types. */
export function parseAtom(root: XmlElement, documentUrl: string | undefined): AtomFeed {
  const feed: AtomFeed = { links: [], authors: [], entries: [], node: root };
  for (const child of root.children) {
    if (child.kind !== 'element' || !ATOM_NAMESPACES.has(child.ns)) continue;
    switch (child.local) {
      case 'title':
        feed.title ??= parseText(child, documentUrl);
        break;
      case 'subtitle':
      case 'tagline':
        feed.subtitle ??= parseText(child, documentUrl);
        break;
      case 'link':
        pushLink(child, feed.links, documentUrl);
        break;
      case 'author':
        feed.authors.push(parsePerson(child, documentUrl));
        break;
    }
  }
  // Entries are looked for at any depth so an unclosed element before them does not hide them.
  if (root.local === 'entry') {
    feed.entries.push(parseEntry(root, documentUrl));
    return feed;
  }
  // feedparser reads an <item> in an Atom feed as an entry too.
  const entries = findNested(root, ATOM_NAMESPACES, 'entry');
  for (const entry of entries.length > 0 ? entries : findNested(root, ATOM_NAMESPACES, 'item')) feed.entries.push(parseEntry(entry, documentUrl));
  return feed;
}

function parseEntry(element: XmlElement, documentUrl: string | undefined): AtomEntry {
  const entry: AtomEntry = { links: [], authors: [], sourceAuthors: [], complete: element.complete, xmlBase: xmlBaseOf(element, documentUrl), node: element };
  for (const child of element.children) {
    if (child.kind !== 'element' || !ATOM_NAMESPACES.has(child.ns)) continue;
    switch (child.local) {
      case 'id':
        entry.id ??= textOf(child).trim();
        break;
      case 'title':
        entry.title ??= parseText(child, documentUrl);
        break;
      case 'link':
        pushLink(child, entry.links, documentUrl);
        break;
      case 'content':
        entry.content ??= parseContent(child, documentUrl);
        break;
      case 'summary':
        entry.summary ??= parseText(child, documentUrl);
        break;
      case 'author':
        entry.authors.push(parsePerson(child, documentUrl));
        break;
      case 'source':
        for (const sourceChild of child.children) {
          if (sourceChild.kind === 'element' && sourceChild.local === 'author') entry.sourceAuthors.push(parsePerson(sourceChild, documentUrl));
        }
        break;
      case 'published':
      case 'issued':
        entry.published ??= textOf(child);
        break;
      case 'updated':
      case 'modified':
        entry.updated ??= textOf(child);
        break;
    }
  }
  return entry;
}

/** A Text construct; `type` may be text/html/xhtml (RFC 4287) or a MIME type (Atom 0.3). */
function parseText(element: XmlElement, documentUrl: string | undefined): AtomText {
  const type = (element.attrs.type ?? 'text').trim().toLowerCase();
  const mode = element.attrs.mode?.trim().toLowerCase();
  const text: AtomText = { type: 'text', value: '', xmlBase: xmlBaseOf(element, documentUrl) };
  if (type === 'xhtml' || type === 'application/xhtml+xml' || mode === 'xml') {
    text.type = 'xhtml';
    text.value = serializeXhtml(element);
  } else if (mode === 'base64') {
    // Atom 0.3 only: the value is base64 of a document of the given MIME type.
    text.type = type.includes('html') ? 'html' : 'text';
    text.value = Buffer.from(textOf(element), 'base64').toString('utf8');
  } else if (type === 'html' || type === 'text/html') {
    text.type = 'html';
    text.value = innerHtml(element);
  } else {
    text.value = textOf(element);
  }
  return text;
}

function parseContent(element: XmlElement, documentUrl: string | undefined): AtomContent {
  const content: AtomContent = parseText(element, documentUrl);
  const src = element.attrs.src;
  if (src !== undefined) content.src = src;
  return content;
}

/** XHTML content is wrapped in one xhtml:div (section 3.1.1.3) that is not part of the content. */
export function serializeXhtml(element: XmlElement): string {
  let wrapper: XmlElement | undefined;
  for (const child of element.children) {
    if (child.kind === 'element') {
      if (wrapper || child.local !== 'div' || (child.ns !== XHTML_NS && child.ns !== '')) return serializeChildren(element);
      wrapper = child;
    } else if (child.text.trim() !== '') {
      return serializeChildren(element);
    }
  }
  return serializeChildren(wrapper ?? element);
}

function pushLink(element: XmlElement, links: AtomLink[], documentUrl: string | undefined): void {
  const href = element.attrs.href;
  if (href === undefined) return;
  const link: AtomLink = { href, xmlBase: xmlBaseOf(element, documentUrl) };
  if (element.attrs.rel !== undefined) link.rel = element.attrs.rel.trim();
  if (element.attrs.type !== undefined) link.type = element.attrs.type.trim().toLowerCase();
  links.push(link);
}

function parsePerson(element: XmlElement, documentUrl: string | undefined): AtomPerson {
  const person: AtomPerson = { xmlBase: xmlBaseOf(element, documentUrl) };
  for (const child of element.children) {
    if (child.kind !== 'element') continue;
    if (child.local === 'name') person.name ??= textOf(child).trim();
    else if (child.local === 'email') person.email ??= textOf(child).trim();
    // Atom 0.3 called it <url>.
    else if (child.local === 'uri' || child.local === 'url') person.uri ??= textOf(child).trim();
  }
  return person;
}
