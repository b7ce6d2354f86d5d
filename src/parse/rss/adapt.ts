import type { Entry, ParsedFeed, Person } from '../../model/index.ts';
import { nonEmpty, readDate } from '../common.ts';
import { entryId } from '../entry-id.ts';
import { parsePersonString } from '../person.ts';
import { htmlToText, plainText } from '../text.ts';
import { looksLikeHttpUrl, resolveUrl } from '../urls.ts';
import type { ParseContext } from '../warnings.ts';
import { feedPart } from '../detail-read.ts';
import { readRssDetail } from './detail.ts';
import type { RssChannel, RssItem } from './wire.ts';

/** Turns RSS wire types (2.0, 0.9x, and 1.0 read into the same shape) into the domain model. */
export function adaptRss(channel: RssChannel, context: ParseContext): ParsedFeed {
  const channelBase = channel.xmlBase ?? context.documentUrl;
  // The channel's managing editor, dc:creator or podcast author stands in for items that name no author.
  const feedAuthor =
    parsePersonString(channel.managingEditor) ?? parsePersonString(channel.dcCreator) ?? parsePersonString(channel.itunesAuthor);
  const entries: Entry[] = [];
  let incomplete = 0;
  for (const item of channel.items) {
    // A truncated item may have a cut-off title or body; the next complete fetch brings it whole.
    if (!item.complete) {
      incomplete++;
      continue;
    }
    entries.push(adaptItem(item, feedAuthor, context));
  }
  if (incomplete > 0) context.warnings.add(`dropped ${incomplete} incomplete <item> at the end of a truncated document`);
  const feed: ParsedFeed = { format: 'rss', entries, warnings: [] };
  if (channel.node) {
    Object.assign(feed, feedPart(readRssDetail(channel.node, context, true)));
  }
  const title = channel.title === undefined ? undefined : plainText(channel.title);
  if (title) feed.title = title;
  const link = resolveUrl(channel.link, channelBase);
  if (link) feed.link = link;
  // The description is HTML in the wild; the model keeps feed descriptions as plain text.
  const description = channel.description === undefined ? undefined : htmlToText(channel.description);
  if (description) feed.description = description;
  return feed;
}

function adaptItem(item: RssItem, feedAuthor: Person | undefined, context: ParseContext): Entry {
  const base = item.xmlBase ?? context.documentUrl;
  // The permalink is <link>; failing that, a guid that is a permalink and looks like one.
  let link = resolveUrl(item.link, base);
  if (!link && item.guid?.isPermaLink && looksLikeHttpUrl(item.guid.value)) link = resolveUrl(item.guid.value, undefined);
  const title = item.title === undefined ? undefined : plainText(item.title) || undefined;
  const content = nonEmpty(item.contentEncoded);
  const summary = nonEmpty(item.description);
  // rdf:about is RSS 1.0's item URI: the closest it has to a guid.
  const entry: Entry = { id: entryId(item.guid?.value ?? item.rdfAbout, link, title, content ?? summary), ...readRssDetail(item.node, context, false) };
  if (title) entry.title = title;
  if (link) entry.link = link;
  if (content) entry.content = content;
  if (summary) entry.summary = summary;
  // <author> is "email (Name)"; many feeds use dc:creator, podcasts itunes:author; else the channel's.
  const author =
    parsePersonString(item.author) ?? parsePersonString(item.dcCreator) ?? parsePersonString(item.itunesAuthor) ?? feedAuthor;
  if (author) entry.author = author;
  // pubDate is RSS 2.0's; dc:date is what RSS 1.0-minded feeds use.
  const published = readDate(item.pubDate, 'pubDate', context) ?? readDate(item.dcDate, 'dc:date', context);
  if (published) entry.published = published;
  // Relative links in content resolve against the xml:base in scope, else the document's own URL
  // (RFC 3986 5.1: the retrieval URI is the base), as feedparser does. Not the post's link: that
  // would disagree with every other reader of the same feed.
  const baseUrl = item.contentXmlBase ?? context.documentUrl;
  if (baseUrl) entry.baseUrl = baseUrl;
  return entry;
}
