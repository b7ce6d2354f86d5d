import type { Entry } from './entry.ts';

/** The feed formats the parser understands. */
export type FeedFormat = 'rss' | 'atom';

/** A parsed feed document: channel metadata and its entries. */
export interface ParsedFeed {
  format: FeedFormat;
  title?: string;
  /** The site the feed belongs to (absolute URL). */
  link?: string;
  description?: string;
  entries: Entry[];
  /** Problems the parser recovered from (feedparser calls this "bozo"). Never fatal. */
  warnings: string[];
}

/** HTTP validators for conditional GET, kept per feed. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

/** The error a feed's last attempt ended with. */
export interface FeedErrorRecord {
  code: string;
  message: string;
}

/** A subscription as the store keeps it, with what happened the last time it was fetched. */
export interface FeedRecord {
  id: number;
  url: string;
  /** The name the planet gives the feed (from config). */
  name: string;
  /** The feed's own title, from its last successful parse. */
  title?: string;
  /** The feed's site link, from its last successful parse. */
  siteLink?: string;
  validators: Validators;
  lastFetchedAt?: Date;
  lastSuccessAt?: Date;
  lastHttpStatus?: number;
  lastError?: FeedErrorRecord;
  consecutiveFailures: number;
}
