// The finer detail of Atom feeds and entries (model/detail.ts), read the way feedparser reads
// it: every link, category, author and contributor, text constructs with their types, dates
// as written. RFC 4287 (https://www.rfc-editor.org/rfc/rfc4287); Atom 0.3 names as aliases.
import type { Category, Entry, Link, ParsedFeed, Person, TextDetail } from '../../model/index.ts';
import { baseOf, detailOf, feedPart, uriAt } from '../detail-read.ts';
import type { ParseContext } from '../warnings.ts';
import { ATOM03_NS, ATOM_NS } from '../xml/namespaces.ts';
import { attr, innerHtml, textOf } from '../xml/query.ts';
import type { XmlElement } from '../xml/tree.ts';
import { serializeChildren } from '../xml/serialize.ts';
import { readExtra } from '../extras.ts';
import { serializeXhtml } from './parse.ts';

type Detail = Partial<Entry> & Partial<ParsedFeed>;

const ATOM_NAMESPACES: ReadonlySet<string> = new Set([ATOM_NS, ATOM03_NS, '']);
const TEXT_TYPES: Readonly<Record<string, string>> = { text: 'text/plain', html: 'text/html', xhtml: 'application/xhtml+xml' };

/** Reads the detail of an <entry>, a <feed> or a <source>. */
export function readAtomDetail(element: XmlElement, context: ParseContext): Detail {
  const out: Detail = {};
  const links: Link[] = [];
  const categories: Category[] = [];
  const authors: Person[] = [];
  const contributors: Person[] = [];
  for (const child of element.children) {
    if (child.kind !== 'element') continue;
    if (!ATOM_NAMESPACES.has(child.ns)) {
      const [key, value] = readExtra(child, context);
      (out.extras ??= {})[key] = value;
      continue;
    }
    switch (child.local) {
      case 'title':
        out.titleDetail ??= textConstruct(child, context);
        break;
      case 'subtitle':
      case 'tagline':
        out.subtitleDetail ??= textConstruct(child, context);
        break;
      case 'rights':
      case 'copyright':
        out.rightsDetail ??= textConstruct(child, context);
        break;
      case 'info':
        out.infoDetail ??= textConstruct(child, context);
        break;
      case 'summary':
        out.summaryDetail ??= textConstruct(child, context);
        break;
      case 'content':
        (out.contents ??= []).push(textConstruct(child, context));
        break;
      case 'link':
        links.push(readLink(child, context));
        break;
      case 'id':
        out.statedId ??= uriAt(child, textOf(child), context);
        // feedparser reads an Atom id like an RSS guid: the permalink when there is no link.
        out.guidIsLink = true;
        break;
      // A repeated date overwrites the earlier one, as in feedparser.
      case 'published':
      case 'issued':
        out.publishedText = textOf(child).trim();
        break;
      case 'updated':
      case 'modified':
        out.updatedText = textOf(child).trim();
        break;
      case 'created':
        out.createdText = textOf(child).trim();
        break;
      case 'author':
        authors.push(readPerson(child, context));
        break;
      case 'contributor':
        contributors.push(readPerson(child, context));
        break;
      case 'category': {
        const category: Category = { term: attr(child, 'term') ?? '' };
        const scheme = attr(child, 'scheme');
        if (scheme !== undefined) category.scheme = scheme;
        const label = attr(child, 'label');
        if (label !== undefined) category.label = label;
        categories.push(category);
        break;
      }
      case 'generator': {
        const generator: { name?: string; uri?: string; version?: string } = { name: textOf(child).trim() };
        const uri = attr(child, 'uri') ?? attr(child, 'url');
        if (uri !== undefined) generator.uri = uriAt(child, uri, context);
        const version = attr(child, 'version');
        if (version !== undefined) generator.version = version;
        out.generator ??= generator;
        break;
      }
      case 'icon':
        out.icon ??= uriAt(child, textOf(child), context);
        break;
      case 'logo':
        out.logo ??= uriAt(child, textOf(child), context);
        break;
      case 'entry':
      case 'item':
        break;
      default: {
        const [key, value] = readExtra(child, context);
        (out.extras ??= {})[key] = value;
        break;
      }
      case 'source': {
        const source = readAtomDetail(child, context);
        out.source ??= source.statedId === undefined ? feedPart(source) : { ...feedPart(source), id: source.statedId };
        break;
      }
    }
  }
  if (links.length > 0) out.links = links;
  if (categories.length > 0) out.categories = categories;
  if (authors.length > 0) out.authors = authors;
  if (contributors.length > 0) out.contributors = contributors;
  const lang = element.attrs['xml:lang']?.trim().replaceAll('_', '-');
  if (lang) out.language = lang;
  else if (element.parent === undefined && context.language !== undefined) out.language = context.language;
  return out;
}

/** A Text construct: RFC 4287 types mapped to MIME types, Atom 0.3 modes (escaped, base64, xml) honoured. */
function textConstruct(element: XmlElement, context: ParseContext): TextDetail {
  const declared = (attr(element, 'type') ?? 'text').trim().toLowerCase() || 'text';
  const type = TEXT_TYPES[declared] ?? declared;
  const mode = attr(element, 'mode')?.trim().toLowerCase();
  let value: string;
  if (isBase64(type, mode)) value = Buffer.from(textOf(element), 'base64').toString('utf8');
  // Atom 1.0's xhtml wraps the content in a div that is not part of it; Atom 0.3's mode="xml" does not.
  else if (declared === 'xhtml' || (type === 'application/xhtml+xml' && element.ns === ATOM_NS)) value = serializeXhtml(element);
  else if (type === 'application/xhtml+xml' || mode === 'xml') value = serializeChildren(element);
  else value = innerHtml(element);
  const detail = detailOf(element, type, value, context);
  const src = attr(element, 'src');
  if (src !== undefined) detail.src = uriAt(element, src, context);
  return detail;
}

/** Atom 0.3's mode="base64", or (RFC 4287 4.1.3.3) a type that is neither text nor XML. */
function isBase64(type: string, mode: string | undefined): boolean {
  if (mode !== undefined) return mode === 'base64';
  return !(type.startsWith('text/') || type.endsWith('+xml') || type.endsWith('/xml'));
}

function readLink(element: XmlElement, context: ParseContext): Link {
  const link: Link = { rel: attr(element, 'rel')?.trim() || 'alternate', href: '' };
  // feedparser's defaults: a self link is the feed itself, any other a web page.
  link.type = attr(element, 'type')?.trim() ?? (link.rel === 'self' ? 'application/atom+xml' : 'text/html');
  link.href = uriAt(element, attr(element, 'href') ?? '', context);
  const title = attr(element, 'title');
  if (title !== undefined) link.title = title;
  const length = attr(element, 'length');
  if (length !== undefined) link.length = length;
  const hreflang = attr(element, 'hreflang');
  if (hreflang !== undefined) link.hreflang = hreflang;
  return link;
}

function readPerson(element: XmlElement, context: ParseContext): Person {
  const person: Person = {};
  for (const child of element.children) {
    if (child.kind !== 'element') continue;
    const text = textOf(child).trim();
    if (child.local === 'name') person.name ??= text;
    else if (child.local === 'email') person.email ??= text;
    else if (child.local === 'uri' || child.local === 'url' || child.local === 'homepage') person.uri ??= joinUrlAt(child, text, context);
  }
  return person;
}

function joinUrlAt(element: XmlElement, value: string, context: ParseContext): string {
  return baseOf(element, context) === '' ? value : uriAt(element, value, context);
}
