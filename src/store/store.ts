import type { AvatarRecord } from './avatars.ts';
import type { FilteredIds, ReadingListCopy } from './caches.ts';
import type { Entry, FeedConfig, FeedErrorRecord, FeedRecord, FutureDates, StoredEntry, Validators } from '../model/index.ts';

/** Size and timing of one fetch attempt, when the pipeline measured them (feed history). */
interface Measured {
  /** Bytes of the body received. */
  bytes?: number;
  /** Milliseconds the attempt took. */
  ms?: number;
}

/** Scheduling state the pipeline decided for the feed; a field left out leaves its column as it is. */
interface Scheduled {
  /** Not fetched again before this instant unless forced; null: at the next run. */
  nextFetchAt?: Date | null;
  /** When the feed answered 410 Gone; null clears it. */
  goneAt?: Date | null;
  /** Where a permanent redirect said the feed moved; null clears it. */
  movedTo?: string | null;
  /** The refresh interval the feed document asks for, in seconds; null clears it. */
  refreshSeconds?: number | null;
}

/** Where a successful fetch ended up: the URL of the last redirect hop, when that was not the feed's own; absent or null: its own. */
interface Landed {
  finalUrl?: string | null;
}

/** What one fetch attempt of one feed came to, as the store records it. */
export type FetchOutcome =
  | ({
      kind: 'updated';
      at: Date;
      httpStatus: number;
      validators: Validators;
      feed: { title?: string; link?: string };
      entries: readonly Entry[];
    } & Measured & Scheduled & Landed)
  | ({ kind: 'not-modified'; at: Date; httpStatus: number; validators: Validators } & Measured & Scheduled & Landed)
  | ({ kind: 'failed'; at: Date; httpStatus?: number; error: FeedErrorRecord } & Measured & Scheduled);

/** How many entries one saved fetch added, and how many existing ones it changed. */
export interface SaveResult {
  newEntries: number;
  updatedEntries: number;
}

/** How saveFetch places new and changed entries in the river (the re-dating defence). */
export interface EntryPolicy {
  /**
   * Set when the planet already has entries: a feed's first entries then join the river only
   * this many, newest first, and the rest are stored hidden. Unset, all are shown (first run).
   */
  newFeedItems?: number;
  futureDates: FutureDates;
  /** A real content change moves the entry to the time it was seen (default: it keeps its place). */
  bumpOnUpdate: boolean;
  /** Feed ids by preference: a post in several feeds is shown under the earliest listed here. Unset: under the feed that had it first. */
  feedOrder?: readonly number[];
}

/** The policy saveFetch uses when given none. */
export const defaultEntryPolicy: EntryPolicy = { futureDates: 'ignore_date', bumpOnUpdate: false };

/**
 * Which entries the river shows: those of `feedIds`, newest first, at most `limit` after
 * skipping `offset`; `since` (inclusive) and `until` (exclusive) bound the displayDate.
 * Hidden entries and copies of another feed's entry are never listed.
 */
export interface EntryQuery {
  feedIds: readonly number[];
  limit: number;
  offset?: number;
  since?: Date;
  until?: Date;
}

/** One fetch attempt of a feed, as the feed history keeps it. */
export interface FetchHistoryRecord {
  at: Date;
  status: FetchOutcome['kind'];
  httpStatus?: number;
  errorCode?: string;
  bytes?: number;
  ms?: number;
  newEntries: number;
  updatedEntries: number;
}

/** What expunge keeps: per feed at least `keepPerFeed` newest entries and everything younger than `keepDays`. */
export interface RetentionPolicy {
  keepPerFeed: number;
  /** 0 keeps everything. */
  keepDays: number;
  now: Date;
  /** List what would go without deleting it. */
  dryRun: boolean;
}

/** An entry expunge removed (or would remove, in a dry run). */
export interface ExpungedEntry {
  feedId: number;
  feedUrl: string;
  id: string;
  title?: string;
  displayDate: Date;
}

/** The read side of the store, as seen inside one consistent snapshot. */
export interface StoreReader {
  /** Every feed the store knows, in the order they were first added. */
  listFeeds(): Promise<FeedRecord[]>;
  /** Entries of the given feeds, newest displayDate first (ties: newer firstSeen, then higher row id). */
  listEntries(query: EntryQuery): Promise<StoredEntry[]>;
}

/** The planet's storage: subscriptions, their fetch history and their entries. */
export interface Store extends StoreReader {
  /** Makes the subscriptions match the config: adds new URLs, updates changed names; returns the records of the given feeds in the given order. Feeds no longer in the config are kept with their entries. */
  syncFeeds(feeds: readonly FeedConfig[]): Promise<FeedRecord[]>;
  /** Records one fetch attempt's outcome for one feed, all or nothing; saves made together share one commit (group-commit.ts), and each settles once committed. */
  saveFetch(feedId: number, outcome: FetchOutcome, policy?: EntryPolicy): Promise<SaveResult>;
  /** True when any feed has a stored entry: the planet is past its first run. */
  hasEntries(): Promise<boolean>;
  /** The feed's last fetch attempts, newest first (at most HISTORY_PER_FEED are kept). */
  listHistory(feedId: number, limit?: number): Promise<FetchHistoryRecord[]>;
  /** listHistory of every given feed at once (a feed with no attempts has an empty list). */
  listHistories(feedIds: readonly number[]): Promise<Map<number, FetchHistoryRecord[]>>;
  /** The newest displayDate among each given feed's shown entries (not hidden, not a duplicate); feeds without one are left out. */
  newestEntryDates(feedIds: readonly number[]): Promise<Map<number, Date>>;
  /** Removes the entries the retention policy does not keep, in one transaction; returns them. */
  expunge(policy: RetentionPolicy): Promise<ExpungedEntry[]>;
  /** Every feed's cached avatar (bytes included), in feed id order. */
  listAvatars(): Promise<AvatarRecord[]>;
  /** Stores one feed's avatar record, replacing the one before. */
  saveAvatar(record: AvatarRecord): Promise<void>;
  /** Replaces the entry ids feed `feedId`'s filters dropped at its last full fetch, with their settings fingerprint; no ids forgets them. */
  setFilteredIds(feedId: number, settings: string, ids: readonly string[]): Promise<void>;
  /** Every feed's dropped entry ids, in feed id order (feeds with none are left out). */
  listFilteredIds(): Promise<FilteredIds[]>;
  /** Stores the last good copy of a reading list, replacing the one before. */
  saveReadingList(copy: ReadingListCopy): Promise<void>;
  /** Every reading list's last good copy, in code-unit order of URL. */
  listReadingLists(): Promise<ReadingListCopy[]>;
  /** Runs `work` against one consistent snapshot of the store (one read transaction). */
  snapshot<T>(work: (reader: StoreReader) => Promise<T>): Promise<T>;
  /** Closes the connection; calling it again does nothing. */
  close(): Promise<void>;
}
