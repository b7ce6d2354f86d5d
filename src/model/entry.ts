import type { Category, Link, TextDetail } from './detail.ts';
import type { ParsedFeed } from './feed.ts';

/** The metadata of the feed an entry was copied from (Atom <source>). */
export type EntrySource = Omit<ParsedFeed, 'format' | 'entries' | 'warnings'>;

/** A person named by a feed: an author or a contributor. Every part is optional plain text. */
export interface Person {
  name?: string;
  email?: string;
  uri?: string;
}

/**
 * One post as a feed states it, after parsing and before storage. Text fields are plain
 * text; `content` and `summary` are HTML (untrusted until the sanitize stage has run).
 */
export interface Entry {
  /** Stable identity inside its feed: guid/id, else a synthesized one (see parse). */
  id: string;
  title?: string;
  /** Absolute permalink. */
  link?: string;
  /** Full HTML content, when the feed has it. */
  content?: string;
  /** HTML summary or description. */
  summary?: string;
  author?: Person;
  /** Claimed dates, as the feed states them. */
  published?: Date;
  updated?: Date;
  /** Base URL for relative links inside `content` and `summary`. */
  baseUrl?: string;
  /** The title, summary and contents as stated, with their types (see model/detail.ts). */
  titleDetail?: TextDetail;
  summaryDetail?: TextDetail;
  contents?: TextDetail[];
  rightsDetail?: TextDetail;
  /** Every link, enclosures (rel "enclosure") included, hrefs absolute where resolvable. */
  links?: Link[];
  categories?: Category[];
  /** All authors and contributors, in document order (`author` is the first author). */
  authors?: Person[];
  contributors?: Person[];
  /** The date strings as written, beside `published`/`updated`. */
  publishedText?: string;
  updatedText?: string;
  /** URL of the entry's comments page (RSS <comments>). */
  comments?: string;
  /** The id as the feed states it (resolved against the base in scope); unset when `id` was synthesized. */
  statedId?: string;
  /** True when the stated id doubles as the permalink if the entry has no link (RSS guid isPermaLink, Atom id). */
  guidIsLink?: boolean;
  /** The author as one string, as RSS writes it ("email (Name)"). */
  authorText?: string;
  /** The entry's language (xml:lang), when stated. */
  language?: string;
  /** The feed an entry was copied from (Atom <source>), read like a feed's own metadata. */
  source?: EntrySource;
  /** When the entry was created (Atom 0.3 <created>, dcterms:created), as written. */
  createdText?: string;
  /** When the entry expires (RSS <expirationDate>), as written. */
  expiredText?: string;
  /** The publisher (dc:publisher), as written. */
  publisherText?: string;
  /** Elements the model has no field for, by feedparser's key (`prefix_name`): text, or attributes. */
  extras?: Record<string, string | Record<string, string>>;
}

/** An entry as the store keeps it and the river shows it. */
export interface StoredEntry extends Entry {
  /** The store's id of the feed this entry came from. */
  feedId: number;
  /** When this planet first saw the entry. */
  firstSeen: Date;
  /** The date the river is ordered by. */
  displayDate: Date;
}
