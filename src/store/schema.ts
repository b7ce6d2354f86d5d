import type { ColumnType, Generated } from 'kysely';

/**
 * An instant as integer milliseconds since the Unix epoch (UTC), in a `bigint` column.
 * Why not ISO-8601 text: numbers sort correctly on every engine whatever the column's
 * collation (PostgreSQL text order depends on the database locale), cover every Date
 * (toISOString() turns into "+010000-..." past year 9999, which sorts wrongly as text),
 * and compare cheaply in the river index. Reads are `number | string` because `pg`
 * returns int8 as a string; rows pass through Number() when mapped to the model.
 */
export type Millis = ColumnType<number | string, number, number>;

/** A nullable instant. */
export type NullableMillis = ColumnType<number | string | null, number | null, number | null>;

/** The `feeds` table: one row per subscription URL ever configured. */
export interface FeedsTable {
  id: Generated<number>;
  url: string;
  name: string;
  title: string | null;
  site_link: string | null;
  etag: string | null;
  last_modified: string | null;
  last_fetched_at: NullableMillis;
  last_success_at: NullableMillis;
  last_http_status: number | null;
  last_error_code: string | null;
  last_error_message: string | null;
  consecutive_failures: Generated<number>;
  created_at: Millis;
  /** Not fetched before this instant unless forced (backoff, Retry-After, feed TTL). */
  next_fetch_at: NullableMillis;
  /** When the feed answered 410 Gone. */
  gone_at: NullableMillis;
  /** Where a permanent redirect said the feed moved (a proposal). */
  moved_to: string | null;
  /** The refresh interval the feed document asks for (RSS ttl, sy:updatePeriod), in seconds. */
  refresh_seconds: number | null;
  /** Where the last successful fetch ended after temporary redirects, when not `url` (migration 0008). */
  final_url: string | null;
}

/** The `entries` table: one row per (feed, entry id), kept even when the feed drops it. */
export interface EntriesTable {
  id: Generated<number>;
  feed_id: number;
  /** Entry.id: the identity the feed gives the entry. */
  entry_key: string;
  title: string | null;
  link: string | null;
  content: string | null;
  summary: string | null;
  author_name: string | null;
  author_email: string | null;
  author_uri: string | null;
  published: NullableMillis;
  updated: NullableMillis;
  base_url: string | null;
  first_seen: Millis;
  display_date: Millis;
  /** Hash of the visible fields, to tell an edited entry from an unchanged one. */
  content_hash: string;
  /** 1: stored but kept off the river (a new feed's back catalogue beyond new_feed_items). */
  hidden: Generated<number>;
  /** The row of another feed this entry repeats; the river shows only that one. */
  duplicate_of: number | null;
  /** When a fetched document last carried this entry. */
  last_seen: NullableMillis;
  /** The link in canonical form, to find the same post in another feed. */
  link_key: string | null;
}

/** The `fetch_history` table: one row per fetch attempt, the last HISTORY_PER_FEED per feed. */
export interface FetchHistoryTable {
  id: Generated<number>;
  feed_id: number;
  at: Millis;
  status: string;
  http_status: number | null;
  error_code: string | null;
  bytes: number | null;
  ms: number | null;
  new_entries: number;
  updated_entries: number;
}

/** The `avatars` table (migration 0006): one cached picture per feed. */
export interface AvatarsTable {
  feed_id: number;
  feed_image: string | null;
  candidates_key: string | null;
  source_url: string | null;
  content_type: string | null;
  body: Buffer | null;
  etag: string | null;
  last_modified: string | null;
  checked_at: NullableMillis;
  error: string | null;
}

/** The `filtered_entries` table (migration 0007): per feed, the entry ids its filters dropped at its last full fetch. */
export interface FilteredEntriesTable {
  feed_id: number;
  entry_key: string;
  /** Fingerprint of the filter settings that dropped the entry. */
  settings: string;
}

/** The `reading_list_copies` table (migration 0007): the last good copy of each reading list. */
export interface ReadingListCopiesTable {
  url: string;
  format: string;
  body: string;
  etag: string | null;
  last_modified: string | null;
  fetched_at: Millis;
}

/** The tables the store's queries see. */
export interface Database {
  feeds: FeedsTable;
  entries: EntriesTable;
  fetch_history: FetchHistoryTable;
  avatars: AvatarsTable;
  filtered_entries: FilteredEntriesTable;
  reading_list_copies: ReadingListCopiesTable;
}

/** The SQL engines the store runs on; only DDL that has no common spelling looks at it. */
export type SqlDialect = 'sqlite' | 'postgres';
