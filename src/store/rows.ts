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

/** The date an entry is placed in the river by when first seen: its claimed date, never later than `at`. */
export function displayMillis(entry: Entry, at: Date): number {
  const seen = at.getTime();
  const claimed = toMillis(entry.published) ?? toMillis(entry.updated);
  // A feed claiming a future date would otherwise sit on top of the river until that day.
  return claimed === null || claimed > seen ? seen : claimed;
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
