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
