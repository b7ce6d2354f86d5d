// Feed junk that only reports the reader to someone: invisible pixels and the share/ad blocks
// feed services append to every entry. Hosts and paths are what those services put in feeds
// (most of them appear in ../shared/corpus/realworld: FeedBurner "~r" pixels in 57 documents).

interface Tracker {
  host: string;
  /** Path prefixes or fragments that mark the tracking URLs of a host that also serves content. */
  paths?: readonly string[];
}

const trackers: readonly Tracker[] = [
  // FeedBurner: "~r" per-item pixels, "~ff" FeedFlare share links and their images, "~a" ads.
  { host: 'feeds.feedburner.com', paths: ['/~r/', '/~ff/', '/~a/'] },
  { host: 'feedproxy.google.com', paths: ['/~r/', '/~ff/', '/~a/'] },
  { host: 'feeds.feedblitz.com', paths: ['/~/i/', '/~/a/'] },
  // WordPress.com stats pixel and the comment-count / share buttons it appends to feeds.
  { host: 'pixel.wp.com' },
  { host: 'stats.wordpress.com' },
  { host: 'feeds.wordpress.com', paths: ['/1.0/'] },
  // Feedsportal and Pheedo ad and counter images.
  { host: 'da.feedsportal.com' },
  { host: 'pi.feedsportal.com' },
  { host: 'res3.feedsportal.com' },
  { host: 'ads.pheedo.com' },
  { host: 'www.pheedo.com' },
  { host: 'ad.doubleclick.net' },
  { host: 'www.assoc-amazon.com' },
  { host: 'medium.com', paths: ['/_/stat'] },
];

// Scheme and host of a URL as the URL parser writes it (lower-case host, then "/", ":" or the
// end), so that the many URLs that are no tracker are ruled out without a second parse.
const trackerHost = new RegExp(`^https?://(${trackers.map((t) => t.host.replace(/\./g, '\\.')).join('|')})(?=[/:?#]|$)`);

/** Whether a URL, as checkUrl returns it, is a known feed tracker (a counter pixel, ad or share widget). */
export function isTrackerUrl(value: string): boolean {
  const match = trackerHost.exec(value);
  if (match === null) return false;
  const host = match[1];
  const path = new URL(value).pathname;
  return trackers.some((t) => t.host === host && (t.paths === undefined || t.paths.some((p) => path.startsWith(p))));
}

/**
 * Whether width and height declare an invisible image: both at most 1 pixel. An image
 * with only one tiny dimension may be a rule or spacer the layout needs, so it stays.
 */
export function isPixel(width: string | undefined, height: string | undefined): boolean {
  return width !== undefined && height !== undefined && tinyLength.test(width) && tinyLength.test(height);
}

const tinyLength = /^\s*[01](\.0*)?\s*(px)?\s*$/i;
