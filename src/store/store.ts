import type { Entry, FeedConfig, FeedErrorRecord, FeedRecord, StoredEntry, Validators } from '../model/index.ts';

/** What one fetch attempt of one feed came to, as the store records it. */
export type FetchOutcome =
  | {
      kind: 'updated';
      at: Date;
      httpStatus: number;
      validators: Validators;
      feed: { title?: string; link?: string };
      entries: readonly Entry[];
    }
  | { kind: 'not-modified'; at: Date; httpStatus: number; validators: Validators }
  | { kind: 'failed'; at: Date; httpStatus?: number; error: FeedErrorRecord };

/** How many entries one saved fetch added, and how many existing ones it changed. */
export interface SaveResult {
  newEntries: number;
  updatedEntries: number;
}

/** Which entries the river shows: those of `feedIds`, newest first, at most `limit`. */
export interface EntryQuery {
  feedIds: readonly number[];
  limit: number;
}

/** The planet's storage: subscriptions, their fetch history and their entries. */
export interface Store {
  /** Makes the subscriptions match the config: adds new URLs, updates changed names; returns the records of the given feeds in the given order. Feeds no longer in the config are kept with their entries. */
  syncFeeds(feeds: readonly FeedConfig[]): Promise<FeedRecord[]>;
  /** Records one fetch attempt's outcome for one feed, all in one transaction. */
  saveFetch(feedId: number, outcome: FetchOutcome): Promise<SaveResult>;
  /** Every feed the store knows, in the order they were first added. */
  listFeeds(): Promise<FeedRecord[]>;
  /** Entries of the given feeds, newest displayDate first (ties: newer firstSeen, then higher row id), at most `limit`. */
  listEntries(query: EntryQuery): Promise<StoredEntry[]>;
  /** Closes the connection; calling it again does nothing. */
  close(): Promise<void>;
}
