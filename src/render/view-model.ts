/*
 * The view model: the only data a theme's templates see. Theme authors depend on these names,
 * so treat them as a public interface (add fields freely; rename or remove only with care).
 *
 * Every template is rendered with a SiteView as its context:
 *
 *   planet        PlanetView: name, link, ownerName?, ownerEmail?, description?, generator.
 *                 Filesystem paths from the config (outputDir, database, themeDir) are left out.
 *   generatedAt   DateView of the run that built the site.
 *   entries       EntryView[], newest first, at most planet.itemsPerPage of them.
 *   days          DayView[]: the same entries grouped by their UTC day, newest day first.
 *   feeds         FeedView[] sorted by name, case-insensitively.
 *   links         Absolute URLs of the planet's own outputs: home, atom, rss, opml.
 *
 * Text vs HTML: every string is plain text, except EntryView.content which is sanitized HTML.
 * Autoescape is on, so `{{ entry.title }}` is safe in HTML; print content with
 * `{{ entry.content | safe }}`. In XML templates pass every value through `| xmltext`, which
 * also drops the characters XML 1.0 forbids. (buildSiteView already drops them from feed text,
 * but a view may come from elsewhere.)
 *
 * URLs that come from feeds (EntryView.link, FeedView.siteLink) are kept only when they are
 * absolute http(s) URLs, so a template may put them in href as they are.
 *
 * Dates are in UTC for now; each DateView carries the formats themes need so templates do no
 * date arithmetic.
 */

/** A moment, preformatted for templates. */
export interface DateView {
  /** RFC 3339, e.g. "2026-11-30T14:05:00Z" (Atom, <time datetime>). */
  iso: string;
  /** RFC 822, e.g. "Mon, 30 Nov 2026 14:05:00 +0000" (RSS). */
  rfc822: string;
  /** For people, e.g. "30 November 2026 14:05 UTC". */
  display: string;
}

/** The planet's own settings, as templates may show them. */
export interface PlanetView {
  name: string;
  /** Public URL the site is published at. */
  link: string;
  ownerName?: string;
  ownerEmail?: string;
  description?: string;
  /** Name of the software, for <meta name="generator"> and the feeds' generator element. */
  generator: string;
}

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
  /** The error the last fetch ended with. */
  error?: { code: string; message: string };
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
  /** The author's name, when the feed gave one. */
  author?: string;
  /** The date the river is ordered by. */
  date: DateView;
  /** The feed the entry came from (the same object as in SiteView.feeds). */
  source: FeedView;
}

/** The entries of one UTC day. */
export interface DayView {
  /** The day as "YYYY-MM-DD". */
  date: string;
  /** The day for people, e.g. "Monday, 30 November 2026". */
  label: string;
  entries: EntryView[];
}

/** Absolute URLs of what the planet publishes, for <link rel="alternate"> and feed self links. */
export interface SiteLinks {
  home: string;
  atom: string;
  rss: string;
  opml: string;
}

/** Everything a theme renders: see the comment at the top of this file. */
export interface SiteView {
  planet: PlanetView;
  generatedAt: DateView;
  entries: EntryView[];
  days: DayView[];
  feeds: FeedView[];
  links: SiteLinks;
}
