/** One subscription as the config names it. */
export interface FeedConfig {
  url: string;
  /** The name the river shows as "Source". */
  name: string;
  /** Extra request headers for this feed, sent only to its own origin. */
  headers?: Readonly<Record<string, string>>;
  /** HTTP basic auth for this feed, sent only to its own origin; never logged or stored. */
  auth?: { username: string; password: string };
  /** This feed's changes to the planet's sanitize settings (its lists add to the planet's). */
  sanitize?: Partial<SanitizeSettings>;
  /** Image shown beside the feed's entries (absolute http(s) URL). */
  avatar?: string;
}

/** Changes to the sanitizer's default allowlist, from `[sanitize]` and per-feed keys. */
export interface SanitizeSettings {
  /** Extra elements, from the sanitizer's list of inert ones. */
  allowElements: readonly string[];
  /** Default elements to unwrap (their text stays). */
  denyElements: readonly string[];
  /** Extra attributes kept on every kept element, from the sanitizer's list of inert ones. */
  allowAttributes: readonly string[];
  /** Attributes removed everywhere. */
  denyAttributes: readonly string[];
  /** Keep <iframe>s from `videoHosts`, sandboxed. */
  embedVideos: boolean;
  /** Host names whose https iframes are kept when embedVideos is on; absent: the sanitizer's list. */
  videoHosts?: readonly string[];
  /** Remove 1x1 pixels and known feed trackers (FeedBurner, WordPress stats...). */
  removeTrackers: boolean;
}

/** Settings of the planet itself. Paths are absolute (resolved against the config file). */
export interface PlanetSettings {
  name: string;
  link: string;
  ownerName?: string;
  ownerEmail?: string;
  description?: string;
  outputDir: string;
  database: string;
  themeDir: string;
  /** How many entries the front page and the output feeds carry. */
  itemsPerPage: number;
  /** Most days of entries on one page; 0 for no limit. */
  daysPerPage: number;
  /** How many of the newest entries the archive, month and per-feed pages draw from. */
  archiveEntries: number;
  /** Characters of text in a summary.html excerpt. */
  summaryLength: number;
  /** IANA time zone dates are shown in and days are grouped by. */
  timezone: string;
  /** BCP 47 tag for date formats and the pages' lang attribute. */
  locale: string;
}

/** How the fetch stage behaves. */
export interface FetchSettings {
  /** Feeds fetched at the same time, over all hosts. */
  concurrency: number;
  /** Connections open to one host at the same time. */
  perHostConnections: number;
  /** Deadline for one feed's whole fetch, in milliseconds. */
  timeoutMs: number;
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  userAgent: string;
  /** False: refuse loopback, private, link-local and metadata addresses (checked at connect). Default true. */
  allowPrivateNetworks?: boolean;
  /** Host names or IP addresses exempt from that refusal. */
  allowHosts?: readonly string[];
  /** Treat Cache-Control max-age, RSS <ttl> and sy:updatePeriod as a minimum refetch interval. Default false. */
  respectFeedTtl?: boolean;
  /** Fetch a feed from where a permanent redirect moved it, instead of only proposing the move. Default false. */
  applyPermanentRedirects?: boolean;
}

/** What to do with an entry dated in the future (Planet Venus's `future_dates`). */
export type FutureDates = 'keep' | 'ignore_date' | 'ignore_entry';

/** Which feed a post found in several feeds is shown under. */
export type DuplicateAttribution = 'first-seen' | 'config-order';

/** How entries are placed in the river, deduplicated and expunged (the `[entries]` section). */
export interface EntrySettings {
  /** Back-catalogue entries a feed added to a running planet publishes; the rest are stored hidden. */
  newFeedItems: number;
  futureDates: FutureDates;
  /** A real content change moves the entry to the top (default: it keeps its place). */
  bumpOnUpdate: boolean;
  duplicates: DuplicateAttribution;
  /** Retention: entries kept per feed whatever their age. */
  keepPerFeed: number;
  /** Retention: days an entry is kept at least; 0 keeps entries forever. */
  keepDays: number;
}

/** A loaded, validated config: frozen data passed as an argument to every stage. */
export interface PlanetConfig {
  /** Absolute path of the config file it came from. */
  configPath: string;
  planet: PlanetSettings;
  fetch: FetchSettings;
  entries: EntrySettings;
  /** How entry HTML is sanitized; absent means the sanitizer's defaults. */
  sanitize?: SanitizeSettings;
  feeds: readonly FeedConfig[];
}
