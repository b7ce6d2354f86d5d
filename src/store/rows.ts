import { createHash } from 'node:crypto';
import type { Entry, FeedRecord, StoredEntry } from '../model/index.ts';
import type { Database } from './schema.ts';
import type { Selectable } from 'kysely';

type FeedRow = Selectable<Database['feeds']>;
type EntryRow = Selectable<Database['entries']>;

/** A Date as stored (see Millis in schema.ts); null for none or an invalid Date. */
export function toMillis(date: Date | undefined): number | null {
  if (date === undefined) return null;
  const ms = date.getTime();
  return Number.isNaN(ms) ? null : ms;
}

/** A stored instant as a Date; `pg` hands int8 over as a string, hence Number(). */
export function toDate(value: number | string): Date {
  return new Date(Number(value));
}

const NUL = '\u0000';

/** Text as every engine stores it: PostgreSQL text cannot hold U+0000, so NULs are left out. */
export function storableText(text: string): string {
  return text.includes(NUL) ? text.replaceAll(NUL, '') : text;
}

function storableOptional(text: string | undefined): string | undefined {
  return text === undefined ? undefined : storableText(text);
}

/** The entry with NULs left out of every field the store keeps; the same object when it has none. */
export function storableEntry(entry: Entry): Entry {
  const { author } = entry;
  const texts = [entry.id, entry.title, entry.link, entry.content, entry.summary, entry.baseUrl, author?.name, author?.email, author?.uri];
  if (!texts.some((text) => text?.includes(NUL) === true)) return entry;
  const copy: Entry = { ...entry, id: storableText(entry.id) };
  for (const key of ['title', 'link', 'content', 'summary', 'baseUrl'] as const) {
    if (copy[key] !== undefined) copy[key] = storableOptional(copy[key]);
  }
  if (author !== undefined) {
    copy.author = { ...author };
    for (const key of ['name', 'email', 'uri'] as const) {
      if (author[key] !== undefined) copy.author[key] = storableOptional(author[key]);
    }
  }
  return copy;
}

/** Hash of what a reader sees of an entry; dates are left out so re-dating is not an edit. */
export function contentHash(entry: Entry): string {
  const visible = [
    entry.title,
    entry.link,
    entry.content,
    entry.summary,
    entry.author?.name,
    entry.author?.email,
    entry.author?.uri,
  ].map((field) => field ?? null);
  return createHash('sha256').update(JSON.stringify(visible)).digest('hex');
}

/**
 * The canonical form of a post's link, for finding the same post in two feeds: scheme, "www.",
 * fragment, tracking parameters (utm_*, as FeedBurner added) and a trailing slash do not count.
 */
export function linkKey(link: string | undefined): string | null {
  if (link === undefined) return null;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return link;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return link;
  for (const name of [...url.searchParams.keys()]) if (name.toLowerCase().startsWith('utm_')) url.searchParams.delete(name);
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : '';
  return `//${url.host.replace(/^www\./, '')}${path}${url.search}`;
}

/** The columns of an entry row that follow the feed's latest copy of the entry. */
export function entryColumns(entry: Entry) {
  return {
    title: entry.title ?? null,
    link: entry.link ?? null,
    content: entry.content ?? null,
    summary: entry.summary ?? null,
    author_name: entry.author?.name ?? null,
    author_email: entry.author?.email ?? null,
    author_uri: entry.author?.uri ?? null,
    published: toMillis(entry.published),
    updated: toMillis(entry.updated),
    base_url: entry.baseUrl ?? null,
    link_key: linkKey(entry.link),
    content_hash: contentHash(entry),
  };
}

/** A feed row as the model's FeedRecord; absent values are left out rather than set to undefined. */
export function feedFromRow(row: FeedRow): FeedRecord {
  const record: FeedRecord = {
    id: row.id,
    url: row.url,
    name: row.name,
    validators: {},
    consecutiveFailures: row.consecutive_failures,
  };
  if (row.title !== null) record.title = row.title;
  if (row.site_link !== null) record.siteLink = row.site_link;
  if (row.etag !== null) record.validators.etag = row.etag;
  if (row.last_modified !== null) record.validators.lastModified = row.last_modified;
  if (row.last_fetched_at !== null) record.lastFetchedAt = toDate(row.last_fetched_at);
  if (row.last_success_at !== null) record.lastSuccessAt = toDate(row.last_success_at);
  if (row.last_http_status !== null) record.lastHttpStatus = row.last_http_status;
  if (row.next_fetch_at !== null) record.nextFetchAt = toDate(row.next_fetch_at);
  if (row.gone_at !== null) record.goneAt = toDate(row.gone_at);
  if (row.moved_to !== null) record.movedTo = row.moved_to;
  if (row.final_url !== null) record.finalUrl = row.final_url;
  if (row.refresh_seconds !== null) record.refreshSeconds = row.refresh_seconds;
  if (row.last_error_code !== null) {
    record.lastError = { code: row.last_error_code, message: row.last_error_message ?? '' };
  }
  return record;
}

/** An entry row as the model's StoredEntry; absent values are left out rather than set to undefined. */
export function entryFromRow(row: EntryRow): StoredEntry {
  const entry: StoredEntry = {
    id: row.entry_key,
    feedId: row.feed_id,
    firstSeen: toDate(row.first_seen),
    displayDate: toDate(row.display_date),
  };
  if (row.title !== null) entry.title = row.title;
  if (row.link !== null) entry.link = row.link;
  if (row.content !== null) entry.content = row.content;
  if (row.summary !== null) entry.summary = row.summary;
  if (row.author_name !== null || row.author_email !== null || row.author_uri !== null) {
    entry.author = {};
    if (row.author_name !== null) entry.author.name = row.author_name;
    if (row.author_email !== null) entry.author.email = row.author_email;
    if (row.author_uri !== null) entry.author.uri = row.author_uri;
  }
  if (row.published !== null) entry.published = toDate(row.published);
  if (row.updated !== null) entry.updated = toDate(row.updated);
  if (row.base_url !== null) entry.baseUrl = row.base_url;
  return entry;
}
