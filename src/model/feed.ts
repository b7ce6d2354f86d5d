import type { Category, FeedImage, Link, TextDetail } from './detail.ts';
import type { Entry, Person } from './entry.ts';

/** The feed formats the parser understands. */
export type FeedFormat = 'rss' | 'atom' | 'json';

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
  /** The first reason the document is not well-formed XML (or valid JSON), when it is not. */
  malformed?: string;
  /** The exact dialect, in feedparser's names: rss20, rss091u, rss10, atom10, atom03, json11... */
  version?: string;
  /** The character encoding the document was read with (its declared label, lower-cased). */
  encoding?: string;
  /** Feed-level detail, as for entries (see model/detail.ts). */
  id?: string;
  titleDetail?: TextDetail;
  subtitleDetail?: TextDetail;
  rightsDetail?: TextDetail;
  /** Atom 0.3's <info>: what the feed is, for a reader who opens it by mistake. */
  infoDetail?: TextDetail;
  links?: Link[];
  categories?: Category[];
  authors?: Person[];
  contributors?: Person[];
  language?: string;
  /** The author as one string, as RSS writes it. */
  authorText?: string;
  /** The publisher (RSS <webMaster>, dc:publisher), as written. */
  publisherText?: string;
  /** Elements the model has no field for, by feedparser's key (`prefix_name`): text, or attributes. */
  extras?: Record<string, string | Record<string, string>>;
  published?: Date;
  publishedText?: string;
  /** When the feed was created (dcterms:created), as written. */
  createdText?: string;
  updated?: Date;
  updatedText?: string;
  generator?: { name?: string; uri?: string; version?: string };
  image?: FeedImage;
  icon?: string;
  logo?: string;
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
  /** Not fetched before this time (backoff, Retry-After, feed TTL) unless forced; absent: any time. */
  nextFetchAt?: Date;
  /** When the feed answered 410 Gone; it is not fetched again unless forced. */
  goneAt?: Date;
  /** Where a permanent redirect (301/308) said the feed moved: a proposal, used only when applied. */
  movedTo?: string;
  /** The refresh interval the feed's document asks for (RSS <ttl>, sy:updatePeriod), in seconds. */
  refreshSeconds?: number;
  /** Where the last successful fetch ended after temporary redirects (302/307), when not `url`. */
  finalUrl?: string;
}
