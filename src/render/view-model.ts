/*
 * The view model: the only data a theme's templates see. Theme authors depend on these names,
 * so treat them as a public interface (add fields freely; rename or remove only with care).
 * docs/themes.md documents it for theme authors.
 *
 * Every template is rendered with a SiteView plus `page` (the PageView being written):
 *
 *   planet        PlanetView: name, link, ownerName?, ownerEmail?, description?, generator,
 *                 locale, timezone. Filesystem paths from the config are left out.
 *   updatedAt     DateView of the newest fetch of any feed ("Last updated"); it changes only
 *                 when the planet fetched, so unchanged builds publish unchanged files.
 *   generatedAt   DateView of the build itself; printing it makes every build rewrite the page.
 *   entries       EntryView[], newest first, at most planet.itemsPerPage: what output feeds carry.
 *   days          The front page's DayView[] (= pages[0].days).
 *   pages         PageView[]: the river split by items_per_page and days_per_page; pages[0] is
 *                 the front page (index.html), the others page/N/index.html.
 *   months        PageView[] of the monthly archives (archive/YYYY/MM/index.html), newest first.
 *   feeds         FeedView[] sorted by name, case-insensitively: the subscription list
 *                 (blogroll, OPML, FOAF), the feeds the config marks `hidden` too (as
 *                 Planet 2.0 listed them); their entries are in no page and no output feed.
 *   feedPages     PageView[], one per feed (feeds/<slug>/index.html), in name order;
 *                 a `hidden` feed's page has no entries, so every `feed.href` resolves.
 *   links         Absolute URLs of the planet's own outputs.
 *   health        HealthPageView: every feed's health for health.html; absent when [planet]
 *                 health_page is false (then no page and no link).
 *   page          The PageView being rendered; the front page for single-file templates.
 *
 * Text vs HTML: every string is plain text, except EntryView.content and EntryView.excerpt
 * which are sanitized HTML. Autoescape is on, so `{{ entry.title }}` is safe in HTML; print
 * HTML with `{{ entry.content | safe }}`. In XML templates pass every value through `| xmltext`,
 * in JSON templates through `| json`; both drop the characters XML 1.0 forbids.
 *
 * URLs that come from feeds (EntryView.link, FeedView.siteLink) are kept only when they are
 * absolute http(s) URLs, so a template may put them in href as they are. Links between pages
 * are relative: `{{ page.root }}{{ other.href }}` works from any page and from a file:// copy.
 *
 * Dates are formatted in the planet's locale and time zone (feeds' machine formats stay UTC);
 * templates do no date arithmetic.
 */

/** A moment, preformatted for templates. */
export interface DateView {
  /** RFC 3339 in UTC, e.g. "2026-11-30T14:05:00Z" (Atom, JSON Feed, <time datetime>). */
  iso: string;
  /** RFC 822 in UTC, e.g. "Mon, 30 Nov 2026 14:05:00 +0000" (RSS). */
  rfc822: string;
  /** For people, in the planet's locale and zone, e.g. "30 November 2026 14:05 UTC". */
  display: string;
  /** Hours and minutes in the planet's zone, e.g. "14:05". */
  time: string;
}

/** The planet's own settings, as templates may show them. */
export interface PlanetView {
  name: string;
  /** Public URL the site is published at, ending in "/". */
  link: string;
  ownerName?: string;
  ownerEmail?: string;
  description?: string;
  /** Name of the software, for <meta name="generator"> and the feeds' generator element. */
  generator: string;
  /** BCP 47 tag, for <html lang> and the feeds' language. */
  locale: string;
  /** IANA zone the dates are shown in. */
  timezone: string;
  /** https origins whose video iframes entries may carry, for the page's CSP `frame-src`; empty: no frames. */
  frameSources: string[];
}

/** How a subscription is doing: failing (last fetch failed), stale (no success for a week), ok. */
export type FeedHealth = 'ok' | 'failing' | 'stale';

/** A subscription, with whether its last fetch worked. */
export interface FeedView {
  /** The store's id of the feed. */
  id: number;
  /** The name the planet gives the feed (from config): the "Source" of its entries. */
  name: string;
  /** The feed's own title, else its name. */
  title: string;
  /** The feed document's URL. */
  url: string;
  /** The site the feed belongs to (absolute http(s) URL), when known. */
  siteLink?: string;
  /** True when the last fetch ended without an error. */
  ok: boolean;
  health: FeedHealth;
  /** The error the last fetch ended with. */
  error?: { code: string; message: string };
  /** The feed's own page, relative to the site root, e.g. "feeds/alpha/". */
  href: string;
  /**
   * The feed's picture as a local file relative to the site root, e.g. "avatars/3f2a....png"
   * (print `{{ page.root }}{{ feed.avatar }}`): its configured avatar, its own icon, its site's
   * icon or generated initials, never a remote URL. Absent only when the build was given none.
   */
  avatar?: string;
  /** The feed's other config keys (a config.ini's face, facewidth, ...), as written; absent when none. */
  extra?: Readonly<Record<string, string>>;
  /** True when the config marks the feed `hidden` (Planet 2.0): listed as a subscription, its entries shown nowhere. */
  hidden?: boolean;
  /** Date of the feed's newest entry the build was given (a hidden feed's too); absent when none. */
  lastEntry?: DateView;
}

/** One post in the river. */
export interface EntryView {
  /** The entry's id inside its feed; output feeds use it as atom:id and RSS guid. */
  id: string;
  /** The post's title, absent when the feed gave none. */
  title?: string;
  /** "Source: Title", or just "Source" when the entry has no title. */
  heading: string;
  /** The post's permalink (absolute http(s) URL), when known. */
  link?: string;
  /** Sanitized HTML: the entry's content, else its summary, else "". */
  content: string;
  /** The content cut to about planet summary_length characters of text, markup kept valid. */
  excerpt: string;
  /** True when the excerpt is shorter than the content. */
  truncated: boolean;
  /** The author's name, when the feed gave one. */
  author?: string;
  /** The author's email address, when the feed gave one (plain text). */
  authorEmail?: string;
  /** Sanitized HTML: the feed's own summary, when it gave one besides the content. */
  summary?: string;
  /** The date the river is ordered by. */
  date: DateView;
  /** The feed the entry came from (the same object as in SiteView.feeds). */
  source: FeedView;
}

/** The entries of one day in the planet's time zone. */
export interface DayView {
  /** The day as "YYYY-MM-DD". */
  date: string;
  /** The day for people, e.g. "Monday, 30 November 2026". */
  label: string;
  entries: EntryView[];
}

/** One HTML page of entries: a river page, a month or a feed's page. */
export interface PageView {
  kind: 'river' | 'month' | 'feed' | 'health';
  /** The output file, relative to the site root, e.g. "page/2/index.html". */
  path: string;
  /** The page's link relative to the site root, e.g. "page/2/" ("" for the front page). */
  href: string;
  /** From this page back to the site root, e.g. "../../" ("" on the front page). */
  root: string;
  /** For <title> and the page heading, e.g. "Page 2", "November 2026", a feed's name. */
  title: string;
  /** River pages: 1-based number, count, and neighbours' hrefs. */
  number?: number;
  total?: number;
  prev?: string;
  next?: string;
  /** Feed pages: the feed. */
  feed?: FeedView;
  entries: EntryView[];
  days: DayView[];
}

/** Absolute URLs of what the planet publishes, for <link rel="alternate"> and feed self links. */
export interface SiteLinks {
  home: string;
  atom: string;
  rss: string;
  rss10: string;
  json: string;
  opml: string;
  foaf: string;
  titlesOnly: string;
  summary: string;
}

/** Everything a theme renders: see the comment at the top of this file. */
export interface SiteView {
  planet: PlanetView;
  updatedAt: DateView;
  generatedAt: DateView;
  entries: EntryView[];
  days: DayView[];
  pages: PageView[];
  months: PageView[];
  feeds: FeedView[];
  /** One page per feed (feeds/<slug>/index.html), in name order; a hidden feed's has no entries. */
  feedPages: PageView[];
  links: SiteLinks;
  page: PageView;
  /** The health page (health.html); absent when [planet] health_page is false. */
  health?: HealthPageView;
}

/** The health page: every subscription's health, most serious first. */
export interface HealthPageView {
  /** The page itself (kind "health", path "health.html"). */
  page: PageView;
  feeds: FeedHealthView[];
  /** How many feeds have each status, most serious first, only statuses some feed has. */
  counts: Array<{ status: string; count: number }>;
}

/** One feed on the health page (see model/health.ts for the statuses). */
export interface FeedHealthView {
  name: string;
  url: string;
  /** The feed as the rest of the site shows it; absent when the health policy hides it. */
  feed?: FeedView;
  /** Every status that applies, most serious first: ok, failing, gone, stale, redirected, duplicate, html-not-feed, never-fetched. */
  statuses: string[];
  /** The most serious status, for a CSS class. */
  status: string;
  /** The statuses in words, e.g. "failing (3 runs in a row), stale". */
  label: string;
  consecutiveFailures: number;
  lastSuccess?: DateView;
  /** Display date of the feed's newest entry. */
  lastEntry?: DateView;
  lastError?: { code: string; message: string; at?: DateView };
  /** What `planet health --fix` would change in the config, in one sentence. */
  suggestion?: string;
  /** Left out of the river and the subscriptions by the [health] policy. */
  hidden: boolean;
  sparkline: SparklineView;
}

/** The last runs of a feed as bars of an inline SVG, oldest on the left. */
export interface SparklineView {
  width: number;
  height: number;
  /** One bar per run; `fill` is a colour, `title` the run in words (date, outcome). */
  bars: Array<{ x: number; y: number; width: number; height: number; outcome: 'updated' | 'not-modified' | 'failed'; fill: string; title: string }>;
  /** The runs in words, for aria-label and <title>: "last 30 runs: 28 ok, 2 failed". */
  label: string;
  total: number;
  ok: number;
  failed: number;
}
