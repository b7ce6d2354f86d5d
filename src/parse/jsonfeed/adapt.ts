import type { Entry, Link, ParsedFeed, Person } from '../../model/index.ts';
import { nonEmpty, readDate } from '../common.ts';
import { entryId } from '../entry-id.ts';
import { joinUrl } from '../feedparser-shape/uri.ts';
import { collapseWhitespace, escapeHtml } from '../text.ts';
import { resolveUrl } from '../urls.ts';
import type { ParseContext } from '../warnings.ts';
import type { JsonFeedAuthor, JsonFeedDocument, JsonFeedItem } from './wire.ts';

/** Turns a JSON Feed into the domain model. */
export function adaptJsonFeed(document: JsonFeedDocument, context: ParseContext): ParsedFeed {
  const base = context.documentBase;
  const feed: ParsedFeed = { format: 'json', entries: [], warnings: [] };
  feed.version = document.version.includes('/version/1.1') ? 'json11' : 'json1';
  const title = document.title === undefined ? undefined : collapseWhitespace(document.title);
  if (title) {
    feed.title = title;
    feed.titleDetail = { type: 'text/plain', value: document.title ?? '', base };
  }
  const link = resolveUrl(document.home_page_url, context.documentUrl);
  if (link) feed.link = link;
  const links: Link[] = [];
  if (document.home_page_url !== undefined) links.push({ rel: 'alternate', type: 'text/html', href: joinUrl(base, document.home_page_url) });
  if (document.feed_url !== undefined) links.push({ rel: 'self', type: 'application/feed+json', href: joinUrl(base, document.feed_url) });
  if (links.length > 0) feed.links = links;
  if (document.description !== undefined) {
    feed.description = collapseWhitespace(document.description);
    feed.subtitleDetail = { type: 'text/plain', value: document.description, base };
  }
  if (document.icon !== undefined) feed.logo = joinUrl(base, document.icon);
  if (document.favicon !== undefined) feed.icon = joinUrl(base, document.favicon);
  if (document.language !== undefined) feed.language = document.language;
  const authors = people(document.authors, base);
  if (authors.length > 0) feed.authors = authors;
  const feedAuthor = authors[0];
  for (const item of document.items) feed.entries.push(adaptItem(item, feedAuthor, context));
  return feed;
}

function adaptItem(item: JsonFeedItem, feedAuthor: Person | undefined, context: ParseContext): Entry {
  const base = context.documentBase;
  const link = resolveUrl(item.url, context.documentUrl) ?? resolveUrl(item.external_url, context.documentUrl);
  const title = item.title === undefined ? undefined : collapseWhitespace(item.title) || undefined;
  // content_text is plain text: escaped so the model's content stays HTML.
  const content = nonEmpty(item.content_html) ?? (item.content_text === undefined ? undefined : nonEmpty(escapeHtml(item.content_text)));
  const summary = item.summary === undefined ? undefined : nonEmpty(escapeHtml(item.summary));
  const entry: Entry = { id: entryId(item.id, link, title, content ?? summary) };
  if (item.id !== undefined) entry.statedId = item.id;
  if (title) {
    entry.title = title;
    entry.titleDetail = { type: 'text/plain', value: item.title ?? '', base };
  }
  if (link) entry.link = link;
  if (content) {
    entry.content = content;
    entry.contents = [{ type: item.content_html !== undefined ? 'text/html' : 'text/plain', value: item.content_html ?? item.content_text ?? '', base }];
  }
  if (summary) {
    entry.summary = summary;
    entry.summaryDetail = { type: 'text/plain', value: item.summary ?? '', base };
  }
  const links: Link[] = [];
  if (item.url !== undefined) links.push({ rel: 'alternate', type: 'text/html', href: joinUrl(base, item.url) });
  if (item.external_url !== undefined) links.push({ rel: 'related', type: 'text/html', href: joinUrl(base, item.external_url) });
  for (const attachment of item.attachments) {
    const enclosure: Link = { rel: 'enclosure', href: joinUrl(base, attachment.url) };
    if (attachment.mime_type !== undefined) enclosure.type = attachment.mime_type;
    if (attachment.size_in_bytes !== undefined) enclosure.length = String(attachment.size_in_bytes);
    if (attachment.title !== undefined) enclosure.title = attachment.title;
    links.push(enclosure);
  }
  if (links.length > 0) entry.links = links;
  if (item.tags.length > 0) entry.categories = item.tags.map((term) => ({ term }));
  const authors = people(item.authors, base);
  if (authors.length > 0) entry.authors = authors;
  // An item without authors has the feed's (JSON Feed 1.1, "authors").
  const author = authors[0] ?? feedAuthor;
  if (author) entry.author = author;
  if (item.language !== undefined) entry.language = item.language;
  const published = readDate(item.date_published, 'date_published', context);
  if (published) entry.published = published;
  const updated = readDate(item.date_modified, 'date_modified', context);
  if (updated) entry.updated = updated;
  if (item.date_published !== undefined) entry.publishedText = item.date_published;
  if (item.date_modified !== undefined) entry.updatedText = item.date_modified;
  if (context.documentUrl) entry.baseUrl = context.documentUrl;
  return entry;
}

function people(authors: JsonFeedAuthor[], base: string): Person[] {
  const out: Person[] = [];
  for (const author of authors) {
    const person: Person = {};
    if (author.name) person.name = author.name;
    if (author.url) person.uri = joinUrl(base, author.url);
    if (person.name || person.uri) out.push(person);
  }
  return out;
}
