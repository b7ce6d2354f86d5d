import type { Kysely } from 'kysely';
import type { ReadingListFormat, Validators } from '../model/index.ts';
import { chunks } from './chunks.ts';
import { storableText, toDate } from './rows.ts';
import type { Database } from './schema.ts';

/** The entry ids a feed's filters dropped at its last full fetch, under filter settings `settings` (migration 0007). */
export interface FilteredIds {
  feedId: number;
  /** Fingerprint of the filter settings that dropped them: a changed filter voids them. */
  settings: string;
  ids: string[];
}

/** The last good copy of a reading list (migration 0007): the list as its owner wrote it. */
export interface ReadingListCopy {
  url: string;
  format: ReadingListFormat;
  body: string;
  /** Validators of `url`, for the next conditional GET. */
  validators: Validators;
  /** When this copy was read. */
  fetchedAt: Date;
}

/** Replaces what feed `feedId`'s filters dropped; no ids forgets the feed's record. */
export async function writeFilteredIds(trx: Kysely<Database>, feedId: number, settings: string, ids: readonly string[]): Promise<void> {
  await trx.deleteFrom('filtered_entries').where('feed_id', '=', feedId).execute();
  // A feed may carry one id twice; the key is (feed, id).
  // Ids as the entries table keeps them (storableText), so they match the stored entries.
  for (const slice of chunks([...new Set(ids.map(storableText))])) {
    await trx
      .insertInto('filtered_entries')
      .values(slice.map((id) => ({ feed_id: feedId, entry_key: id, settings })))
      .execute();
  }
}

/** Every feed's dropped ids, by feed id, each feed's ids in code-unit order. */
export async function readFilteredIds(db: Kysely<Database>): Promise<FilteredIds[]> {
  const rows = await db.selectFrom('filtered_entries').selectAll().orderBy('feed_id').execute();
  const byFeed = new Map<number, FilteredIds>();
  for (const row of rows) {
    const record = byFeed.get(row.feed_id) ?? { feedId: row.feed_id, settings: row.settings, ids: [] };
    record.ids.push(row.entry_key);
    byFeed.set(row.feed_id, record);
  }
  // Sorted here, not in SQL: PostgreSQL orders text by the database's locale, SQLite by bytes.
  for (const record of byFeed.values()) record.ids.sort();
  return [...byFeed.values()];
}

/** Stores a reading list's copy, replacing the one before. */
export async function writeReadingList(db: Kysely<Database>, copy: ReadingListCopy): Promise<void> {
  const values = {
    format: copy.format,
    body: copy.body,
    etag: copy.validators.etag ?? null,
    last_modified: copy.validators.lastModified ?? null,
    fetched_at: copy.fetchedAt.getTime(),
  };
  await db
    .insertInto('reading_list_copies')
    .values({ url: copy.url, ...values })
    .onConflict((oc) => oc.column('url').doUpdateSet(values))
    .execute();
}

/** Every reading list's copy, in code-unit order of URL. */
export async function readReadingLists(db: Kysely<Database>): Promise<ReadingListCopy[]> {
  const rows = await db.selectFrom('reading_list_copies').selectAll().execute();
  // Sorted here, not in SQL: PostgreSQL orders text by the database's locale, SQLite by bytes.
  rows.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  return rows.map((row) => {
    const validators: Validators = {};
    if (row.etag !== null) validators.etag = row.etag;
    if (row.last_modified !== null) validators.lastModified = row.last_modified;
    // Only writeReadingList fills the column, from a ReadingListFormat.
    return { url: row.url, format: row.format as ReadingListFormat, body: row.body, validators, fetchedAt: toDate(row.fetched_at) };
  });
}
