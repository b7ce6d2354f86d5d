// JSON Feed 1.0 and 1.1: https://www.jsonfeed.org/version/1.1/ (1.0: https://www.jsonfeed.org/version/1/).
// Wire types mirror the spec's keys; every value is checked before use (the document is untrusted JSON).

/** An author object (1.0 `author`, 1.1 `authors[]`). */
export interface JsonFeedAuthor {
  name?: string;
  url?: string;
  avatar?: string;
}

/** An attachment (enclosure). */
export interface JsonFeedAttachment {
  url: string;
  mime_type?: string;
  title?: string;
  size_in_bytes?: number;
}

/** An item. */
export interface JsonFeedItem {
  id?: string;
  url?: string;
  external_url?: string;
  title?: string;
  content_html?: string;
  content_text?: string;
  summary?: string;
  date_published?: string;
  date_modified?: string;
  authors: JsonFeedAuthor[];
  tags: string[];
  language?: string;
  attachments: JsonFeedAttachment[];
}

/** The top-level object. */
export interface JsonFeedDocument {
  version: string;
  title?: string;
  home_page_url?: string;
  feed_url?: string;
  description?: string;
  icon?: string;
  favicon?: string;
  language?: string;
  authors: JsonFeedAuthor[];
  items: JsonFeedItem[];
}
