import type { EntryOptions, FilterSettings, ReadingListConfig } from './filter.ts';

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
  /** Left out of the subscription lists (blogroll, OPML, FOAF); still fetched, its entries shown. */
  hidden?: boolean;
  /** Other per-feed values for templates (a config.ini's face, facewidth, ...): htmltmpl channel_<key>, Nunjucks feed.extra.<key>. */
  extra?: Readonly<Record<string, string>>;
  /** This feed's own filters, applied after the planet's `[filters]`. */
  filters?: FilterSettings;
  /** How this feed's entries are read (Venus ignore_in_feed, xml_base, *_type). */
  entryOptions?: EntryOptions;
  /** The reading list (its url) this feed came from; absent for feeds in the config itself. */
  readingList?: string;
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
  /** Days without a new entry after which a feed is stale (`planet health`); 0 turns it off. Absent: 180. */
  activityThreshold?: number;
  /** Publish health.html and link it from the sidebar. Absent: true. */
  healthPage?: boolean;
  /** Templates (absolute paths, *.tmpl htmltmpl or *.njk) rendered in place of the theme's pages. */
  templateFiles?: readonly string[];
  /** strftime format of htmltmpl's `date` variables. Absent: "%B %d, %Y %I:%M %p". */
  dateFormat?: string;
  /** strftime format of htmltmpl's `new_date` variable. Absent: "%B %d, %Y". */
  newDateFormat?: string;
  /** Output encoding of htmltmpl pages (an iconv-lite name, or xml/html/sgml for ASCII with references). Absent: utf-8. */
  encoding?: string;
  /** Files copied from the template directories into the site, relative to them. */
  billOfMaterials?: readonly string[];
  /** Settings of single template_files that differ from the planet's (Planet 2.0's template sections). */
  templateOptions?: readonly TemplateOptions[];
}

/**
 * What one of template_files renders with instead of the planet's setting, as Planet 2.0 read
 * its options from the template's own config.ini section first. Absent keys: the planet's value.
 */
export interface TemplateOptions {
  /** The template, an absolute path as in templateFiles. */
  file: string;
  itemsPerPage?: number;
  daysPerPage?: number;
  dateFormat?: string;
  newDateFormat?: string;
  encoding?: string;
  /** Days without an entry after which a channel's `message` says so (htmltmpl); 0: never. */
  activityThreshold?: number;
}

/** How the fetch stage behaves. */
export interface FetchSettings {
  /** Feeds fetched at the same time, over all hosts. */
  concurrency: number;
  /** Parse workers (worker threads): 0 reads every feed on the main thread; absent, chosen by the planet's size. */
  workers?: number;
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
  /** `[filters]`: applied to every feed's entries before they are stored; absent means none. */
  filters?: FilterSettings;
  /** `[[reading_lists]]`: lists whose feeds join `feeds` at update time. */
  readingLists?: readonly ReadingListConfig[];
  /** The `[health]` policy; absent means its defaults (nothing hidden, dead after 90 days). */
  health?: HealthSettings;
  /** How `planet watch` runs; absent means its defaults (every 30 minutes). */
  watch?: WatchSettings;
  feeds: readonly FeedConfig[];
  /** The file's syntax: native TOML, or a Planet 2.0 / Venus config.ini (absent means toml). */
  format?: 'toml' | 'ini';
  /** Options of a config.ini that are not supported, one line each naming the option, the section and what happens instead. */
  warnings?: readonly string[];
}

/** The `[health]` section: when a feed is hidden from the site, and when it counts as dead. */
export interface HealthSettings {
  /** Hide a feed after this many consecutive failed fetches; 0 never hides. */
  hideAfterFailures: number;
  /** Hide a feed whose newest entry is older than this many days; 0 never hides. */
  hideAfterStaleDays: number;
  /** A feed failing this many days gets a `remove` suggestion. */
  deadAfterDays: number;
}

/** The `[watch]` section: how `planet watch` runs. */
export interface WatchSettings {
  /** From the start of one run to the start of the next, in milliseconds. */
  intervalMs: number;
}
