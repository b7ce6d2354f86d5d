// The finer detail a feed states beyond what the river shows: kept so that tools (the
// feedparser-shaped conformance view, future themes) can read a feed as completely as
// feedparser does. Every field is optional and additive.

/** A text construct as the feed states it (feedparser's `*_detail`). */
export interface TextDetail {
  /** MIME type of `value`: text/plain, text/html or application/xhtml+xml (or what the feed said). */
  type: string;
  /** The value as stated: plain text, or markup for the HTML types (not sanitized). */
  value: string;
  /** xml:lang (or Content-Language) in scope, when any. */
  language?: string;
  /** The base URL in scope for relative references in `value`. */
  base?: string;
  /** Where out-of-line content lives (Atom <content src>). */
  src?: string;
}

/** A link of a feed or an entry (Atom <link>, RSS <link>/<enclosure>/<comments>). */
export interface Link {
  href: string;
  rel: string;
  type?: string;
  title?: string;
  length?: string;
  hreflang?: string;
}

/** A category or tag (RSS <category>, Atom <category>, dc:subject, itunes:keywords). */
export interface Category {
  term: string;
  scheme?: string;
  label?: string;
}

/** An image a feed names for itself (RSS <image>). */
export interface FeedImage {
  href?: string;
  title?: string;
  link?: string;
  width?: number;
  height?: number;
  description?: string;
}
