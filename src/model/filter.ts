// What decides which entries of a feed reach the store (filters) and how a feed's entries are
// read (Venus's per-feed entry options), and where extra subscriptions come from (reading lists).

/** `[filters]` or the same keys on one `[[feeds]]` table. Every key is optional; absent means "no such filter". */
export interface FilterSettings {
  /** Keep only entries whose title or content text matches (JavaScript regex source, case-insensitive). */
  filter?: string;
  /** Drop entries whose title or content text matches (case-insensitive). */
  exclude?: string;
  /** Keep only entries with one of these categories (term or label, case-insensitive). */
  includeTags?: readonly string[];
  /** Drop entries with one of these categories (term or label, case-insensitive). */
  excludeTags?: readonly string[];
  /** Characters of text in the excerpt stored as the entry's summary (Venus excerpt.py); 0 is off. */
  excerpt?: number;
  /** Absolute paths of TypeScript/JavaScript modules exporting `filterEntry(entry, ctx)`. */
  plugins?: readonly string[];
}

/** How one feed's entries are read (Venus's ignore_in_feed, xml_base, *_type options). */
export interface EntryOptions {
  /** Entry fields to drop as untrustworthy, by feedparser's names (updated, published, author...). */
  ignoreInFeed?: readonly string[];
  /** The base relative links in content resolve against: a URL, or "feed_alternate" / "entry_alternate". */
  xmlBase?: string;
  /** Read the title / summary / content as this type, whatever the feed declared. */
  titleType?: 'text' | 'html';
  summaryType?: 'text' | 'html';
  contentType?: 'text' | 'html';
}

/** The formats a reading list may be written in. */
export type ReadingListFormat = 'opml' | 'foaf' | 'csv';

/** One `[[reading_lists]]` table: a list of subscriptions kept elsewhere. */
export interface ReadingListConfig {
  /** An http(s) URL, or an absolute file path (relative paths are resolved against the config). */
  url: string;
  /** Absent: guessed from the extension, then from the content. */
  format?: ReadingListFormat;
}

/** The names `ignore_in_feed` accepts: feedparser's entry keys (Venus deletes `name`, `name_detail`, `name_parsed`). */
export const ignorableEntryFields = [
  'id',
  'title',
  'link',
  'links',
  'summary',
  'content',
  'author',
  'contributors',
  'updated',
  'published',
  'created',
  'tags',
  'comments',
  'enclosures',
  'source',
  'rights',
  'language',
] as const;
