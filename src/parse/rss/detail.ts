// The finer detail of RSS channels and items (model/detail.ts), read the way feedparser reads
// it: every <link>, <enclosure>, <category>, dc:* and dcterms:* element, dates as written.
// Elements: https://www.rssboard.org/rss-specification, Dublin Core
// (https://www.dublincore.org/specifications/dublin-core/dcmi-terms/), content:encoded.
import type { Category, Entry, FeedImage, Link, ParsedFeed, Person } from '../../model/index.ts';
import { detailOf, personOf, uriAt } from '../detail-read.ts';
import type { ParseContext } from '../warnings.ts';
import { readExtra } from '../extras.ts';
import { ATOM_NS, CONTENT_NS, DC_NS, DCTERMS_NS, ITUNES_NS, RSS090_NS, RSS10_NS, RSS2_NAMESPACES, XHTML_NS } from '../xml/namespaces.ts';
import { attr, innerHtml, textOf } from '../xml/query.ts';
import { serializeChildren } from '../xml/serialize.ts';
import type { XmlElement } from '../xml/tree.ts';

type Detail = Partial<Entry> & Partial<ParsedFeed> & { authorText?: string };

const FEEDBURNER_NS = 'http://rssnamespace.org/feedburner/ext/1.0';
const RSS_NAMESPACES: ReadonlySet<string> = new Set(['', RSS090_NS, RSS10_NS, ...RSS2_NAMESPACES]);

/** Reads the detail of an <item> or a <channel> (channel fields map onto feed keys). */
export function readRssDetail(element: XmlElement, context: ParseContext, isChannel: boolean): Detail {
  const out: Detail = {};
  const links: Link[] = [];
  const categories: Category[] = [];
  const authors: Person[] = [];
  const contributors: Person[] = [];
  let guid: { value: string; permalink: boolean; element: XmlElement } | undefined;
  let hasLink = false;
  for (const child of element.children) {
    if (child.kind !== 'element') continue;
    const ns = child.ns;
    const local = child.local;
    if (ns === CONTENT_NS) {
      if (local === 'encoded') (out.contents ??= []).push(detailOf(child, 'text/html', innerHtml(child), context));
      continue;
    }
    if ((ns === XHTML_NS || ns === '') && local === 'body') {
      (out.contents ??= []).push(detailOf(child, 'application/xhtml+xml', serializeChildren(child), context));
      continue;
    }
    if (ns === DC_NS || ns === DCTERMS_NS) {
      readDublinCore(child, context, out, { authors, contributors, categories });
      continue;
    }
    if (ns === ATOM_NS) {
      if (local === 'link') pushAtomLink(child, links, context);
      else readAtomDate(child, out);
      continue;
    }
    if (ns === ITUNES_NS && local === 'author') {
      if (authors.length === 0) pushPerson(authors, textOf(child));
      continue;
    }
    if (local === 'browserfriendly' && ns === FEEDBURNER_NS) {
      out.infoDetail ??= detailOf(child, 'text/plain', textOf(child), context);
      continue;
    }
    if (!RSS_NAMESPACES.has(ns)) {
      // Elements of other namespaces never stand in for RSS's own, even with the same local name.
      const [key, value] = readExtra(child, context);
      (out.extras ??= {})[key] = value;
      continue;
    }
    switch (local) {
      case 'title':
        out.titleDetail ??= detailOf(child, 'text/plain', textOf(child), context);
        break;
      case 'description':
      case 'abstract':
      case 'summary': {
        const detail = detailOf(child, local === 'summary' ? 'text/plain' : 'text/html', innerHtml(child), context);
        if (isChannel) out.subtitleDetail ??= detail;
        // Of a <description> and a <summary>, the second is read as the content (feedparser).
        else if (out.summaryDetail) (out.contents ??= []).push(detail);
        else out.summaryDetail = detail;
        break;
      }
      case 'tags':
        for (const term of textOf(child).split(',')) if (term.trim() !== '') categories.push({ term: term.trim() });
        break;
      case 'fullitem':
        (out.contents ??= []).push(detailOf(child, 'text/html', innerHtml(child), context));
        break;
      case 'link': {
        const href = textOf(child).trim();
        if (href !== '' && !hasLink) {
          links.push({ rel: 'alternate', type: 'text/html', href: uriAt(child, href, context) });
          hasLink = true;
        }
        break;
      }
      case 'enclosure': {
        const link: Link = { rel: 'enclosure', href: uriAt(child, attr(child, 'url') ?? '', context) };
        const length = attr(child, 'length');
        if (length !== undefined) link.length = length;
        const type = attr(child, 'type');
        if (type !== undefined) link.type = type;
        links.push(link);
        break;
      }
      case 'category': {
        const term = textOf(child).trim();
        const domain = attr(child, 'domain');
        const category: Category = { term };
        if (domain !== undefined) category.scheme = domain;
        categories.push(category);
        break;
      }
      case 'guid':
        guid ??= { value: textOf(child).trim(), permalink: attr(child, 'isPermaLink')?.trim().toLowerCase() !== 'false', element: child };
        break;
      case 'comments':
        out.comments ??= uriAt(child, textOf(child), context);
        break;
      case 'author':
      case 'managingeditor':
        if (out.authorText === undefined) {
          out.authorText = textOf(child).trim();
          pushPerson(authors, out.authorText);
        }
        break;
      case 'pubdate':
        out.publishedText ??= textOf(child).trim();
        break;
      case 'modified':
      case 'updated':
      case 'published':
      case 'issued':
        readAtomDate(child, out);
        break;
      case 'lastbuilddate':
        out.updatedText ??= textOf(child).trim();
        break;
      case 'copyright':
        out.rightsDetail ??= detailOf(child, 'text/plain', textOf(child), context);
        break;
      case 'language':
        out.language ??= textOf(child).trim();
        break;
      case 'generator':
        out.generator ??= { name: textOf(child).trim() };
        break;
      case 'webmaster':
        out.publisherText ??= textOf(child).trim();
        break;
      case 'expirationdate':
        out.expiredText = textOf(child).trim();
        break;
      case 'image':
        out.image ??= readImage(child, context);
        break;
      case 'textinput':
        (out.extras ??= {}).textinput = readTextInput(child, context);
        break;
      case 'redirect': {
        // UserLand's <redirect><newLocation>: where the feed has moved.
        const moved = child.children.find((node) => node.kind === 'element' && node.local === 'newlocation');
        if (moved?.kind === 'element') (out.extras ??= {}).newlocation = uriAt(moved, textOf(moved), context);
        break;
      }
      case 'ttl':
      case 'docs':
      case 'cloud': {
        const [key, value] = readExtra(child, context);
        (out.extras ??= {})[key] = value;
        break;
      }
      case 'source': {
        const url = attr(child, 'url');
        out.source ??= { titleDetail: detailOf(child, 'text/plain', textOf(child), context), ...(url !== undefined && { extras: { href: url.trim() } }) };
        break;
      }
    }
  }
  // CDF puts the link and the date in attributes (HREF, LASTMOD).
  const cdfHref = element.attrs.HREF ?? element.attrs.href;
  if (cdfHref !== undefined && !hasLink) links.push({ rel: 'alternate', type: 'text/html', href: uriAt(element, cdfHref, context) });
  const lastmod = element.attrs.LASTMOD ?? element.attrs.lastmod;
  if (lastmod !== undefined) out.updatedText ??= lastmod.trim();
  // RSS 1.0's rdf:about is the item's URI; a <guid> overrides it.
  const about = isChannel ? undefined : attr(element, 'rdf:about');
  if (about !== undefined && about.trim() !== '') out.statedId = about.trim();
  if (guid) {
    // feedparser resolves a permalink guid against the base; any other id stays as written.
    out.statedId = guid.permalink ? uriAt(guid.element, guid.value, context) : guid.value;
    // A guid that is a permalink stands in for a missing <link> (RSS 2.0, <guid> isPermaLink).
    if (guid.permalink && guid.value !== '') out.guidIsLink = true;
  }
  if (links.length > 0) out.links = links;
  if (categories.length > 0) out.categories = categories;
  if (authors.length > 0) out.authors = authors;
  if (contributors.length > 0) out.contributors = contributors;
  return out;
}

/** Atom's date elements (and their 0.3 names), which feeds mix into RSS; a later one overwrites, as in feedparser. */
function readAtomDate(child: XmlElement, out: Detail): void {
  const text = textOf(child).trim();
  if (child.local === 'updated' || child.local === 'modified') out.updatedText = text;
  else if (child.local === 'published' || child.local === 'issued') out.publishedText = text;
}

/** An atom:link inside RSS, read as Atom reads it (rel defaults to alternate). */
function pushAtomLink(child: XmlElement, links: Link[], context: ParseContext): void {
  const href = attr(child, 'href');
  if (href === undefined) return;
  const rel = attr(child, 'rel')?.trim() || 'alternate';
  links.push({ rel, type: attr(child, 'type')?.trim() ?? (rel === 'self' ? 'application/atom+xml' : 'text/html'), href: uriAt(child, href, context) });
}

/** RSS <image> (https://www.rssboard.org/rss-specification#ltimagegtSubelementOfLtchannelgt). */
function readImage(element: XmlElement, context: ParseContext): FeedImage {
  const image: FeedImage = {};
  for (const child of element.children) {
    if (child.kind !== 'element') continue;
    const text = textOf(child).trim();
    if (child.local === 'url') image.href = uriAt(child, text, context);
    else if (child.local === 'title') image.title = text;
    else if (child.local === 'link') image.link = uriAt(child, text, context);
    else if (child.local === 'description') image.description = text;
    else if (child.local === 'width' || child.local === 'height') {
      const size = Number.parseInt(text, 10);
      if (Number.isFinite(size)) image[child.local] = size;
    }
  }
  return image;
}

/** RSS <textInput>, kept as feedparser keeps it: title, name, link, description. */
function readTextInput(element: XmlElement, context: ParseContext): Record<string, string> {
  const input: Record<string, string> = {};
  for (const child of element.children) {
    if (child.kind !== 'element') continue;
    const text = textOf(child).trim();
    if (child.local === 'link') input.link = uriAt(child, text, context);
    else if (child.local === 'description') input.description = input.subtitle = text;
    else if (child.local === 'title' || child.local === 'name') input[child.local] = text;
  }
  return input;
}

function pushPerson(people: Person[], text: string): void {
  const person = personOf(text);
  if (person) people.push(person);
}

function readDublinCore(
  child: XmlElement,
  context: ParseContext,
  out: Detail,
  lists: { authors: Person[]; contributors: Person[]; categories: Category[] },
): void {
  const text = textOf(child).trim();
  switch (child.local) {
    case 'creator':
    case 'author':
      out.authorText ??= text;
      pushPerson(lists.authors, text);
      break;
    case 'contributor':
      pushPerson(lists.contributors, text);
      break;
    case 'subject':
      if (text !== '') lists.categories.push({ term: text });
      break;
    case 'date':
      out.updatedText ??= text;
      break;
    case 'modified':
      if (child.ns === DCTERMS_NS) out.updatedText ??= text;
      break;
    case 'issued':
      out.publishedText ??= text;
      break;
    case 'created':
      out.createdText ??= text;
      break;
    case 'publisher':
      out.publisherText ??= text;
      break;
    case 'valid': {
      // "start=2002-10-13T09:00+01:00; end=..." (https://www.dublincore.org/specifications/dublin-core/dcmi-period/).
      for (const [, name = '', value = ''] of text.matchAll(/(start|end)\s*=\s*([^;]+)/g)) ((out.extras ??= {})[`validity_${name}`] = value.trim());
      break;
    }
    case 'title':
      out.titleDetail ??= detailOf(child, 'text/plain', textOf(child), context);
      break;
    case 'description':
      out.summaryDetail ??= detailOf(child, 'text/html', innerHtml(child), context);
      break;
    case 'rights':
      out.rightsDetail ??= detailOf(child, 'text/plain', textOf(child), context);
      break;
    case 'language':
      out.language ??= text;
      break;
  }
}
