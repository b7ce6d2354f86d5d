import type { Entry, ParsedFeed, Person } from '../../model/index.ts';
import { nonEmpty, readDate } from '../common.ts';
import { entryId } from '../entry-id.ts';
import { compact } from '../person.ts';
import { collapseWhitespace, escapeHtml, htmlToText } from '../text.ts';
import { resolveUrl } from '../urls.ts';
import type { ParseContext } from '../warnings.ts';
import { feedPart } from '../detail-read.ts';
import { readAtomDetail } from './detail.ts';
import type { AtomEntry, AtomFeed, AtomLink, AtomPerson, AtomText } from './wire.ts';

/** Turns Atom wire types into the domain model. */
export function adaptAtom(wire: AtomFeed, context: ParseContext): ParsedFeed {
  const feedAuthor = firstPerson(wire.authors, context);
  const entries: Entry[] = [];
  let incomplete = 0;
  for (const entry of wire.entries) {
    // A truncated entry may have a cut-off title or body; the next complete fetch brings it whole.
    if (!entry.complete) {
      incomplete++;
      continue;
    }
    entries.push(adaptEntry(entry, feedAuthor, context));
  }
  if (incomplete > 0) context.warnings.add(`dropped ${incomplete} incomplete <entry> at the end of a truncated document`);
  const feed: ParsedFeed = { format: 'atom', entries, warnings: [] };
  if (wire.node && wire.node.local !== 'entry') {
    const detail = readAtomDetail(wire.node, context);
    Object.assign(feed, feedPart(detail));
    if (detail.statedId !== undefined) feed.id = detail.statedId;
  }
  const title = wire.title && toPlainText(wire.title);
  if (title) feed.title = title;
  const link = alternateLink(wire.links, context);
  if (link) feed.link = link;
  const description = wire.subtitle && toPlainText(wire.subtitle);
  if (description) feed.description = description;
  return feed;
}

function adaptEntry(wire: AtomEntry, feedAuthor: Person | undefined, context: ParseContext): Entry {
  const link = alternateLink(wire.links, context);
  const title = (wire.title && toPlainText(wire.title)) || undefined;
  // Out-of-line content (src=...) has nothing to show inline; the summary stands in for it.
  const content = wire.content && wire.content.src === undefined ? nonEmpty(toHtml(wire.content)) : undefined;
  const summary = wire.summary && nonEmpty(toHtml(wire.summary));
  const entry: Entry = { id: entryId(wire.id, link, title, content ?? summary), ...readAtomDetail(wire.node, context) };
  if (title) entry.title = title;
  if (link) entry.link = link;
  if (content) entry.content = content;
  if (summary) entry.summary = summary;
  // RFC 4287 4.2.1: an entry without authors takes its <source>'s, then the feed's.
  const author = firstPerson(wire.authors, context) ?? firstPerson(wire.sourceAuthors, context) ?? feedAuthor;
  if (author) entry.author = author;
  const published = readDate(wire.published, 'published', context);
  if (published) entry.published = published;
  const updated = readDate(wire.updated, 'updated', context);
  if (updated) entry.updated = updated;
  // Relative links in content resolve against the xml:base in scope, else the document's own URL
  // (RFC 3986 5.1: the retrieval URI is the base), as feedparser does. Not the post's link: that
  // would disagree with every other reader of the same feed.
  const contentElement = content ? wire.content : wire.summary;
  const baseUrl = contentElement?.xmlBase ?? context.documentUrl;
  if (baseUrl) entry.baseUrl = baseUrl;
  return entry;
}

/** rel="alternate" (or no rel, which means alternate: RFC 4287 4.2.7.2), preferring an HTML page. */
function alternateLink(links: AtomLink[], context: ParseContext): string | undefined {
  let fallback: AtomLink | undefined;
  for (const link of links) {
    if (link.rel !== undefined && link.rel !== 'alternate') continue;
    if (link.type === undefined || link.type === 'text/html' || link.type === 'application/xhtml+xml') {
      return resolveUrl(link.href, link.xmlBase ?? context.documentUrl);
    }
    fallback ??= link;
  }
  return fallback && resolveUrl(fallback.href, fallback.xmlBase ?? context.documentUrl);
}

function firstPerson(people: AtomPerson[], context: ParseContext): Person | undefined {
  for (const person of people) {
    const adapted = compact({
      name: person.name,
      email: person.email,
      uri: resolveUrl(person.uri, person.xmlBase ?? context.documentUrl),
    });
    if (adapted) return adapted;
  }
  return undefined;
}

function toPlainText(text: AtomText): string {
  return text.type === 'text' ? collapseWhitespace(text.value) : htmlToText(text.value);
}

/** Content as HTML: text is escaped (RFC 4287 3.1.1.1 says it is not markup), html and xhtml pass as markup. */
function toHtml(text: AtomText): string {
  return text.type === 'text' ? escapeHtml(text.value) : text.value;
}
