import type { FeedHealth as FeedHealthRecord, FeedRecord, PlanetSettings, StoredEntry } from '../model/index.ts';
import { createDateFormatter, isValidDate } from './dates.ts';
import type { DateFormatter } from './dates.ts';
import { excerptHtml } from './excerpt.ts';
import { healthPageView } from './health-view.ts';
import type { Excerpt } from './excerpt.ts';
import { feedPage, feedSlug, monthPages, riverPages } from './pages.ts';
import type { DatedEntry } from './pages.ts';
import { stripForbiddenXmlChars } from './xml-text.ts';
import type { EntryView, FeedView, PageView, PlanetView, SiteLinks, SiteView } from './view-model.ts';

/** What buildSiteView turns into a SiteView: plain data, never the store. */
export interface SiteViewInput {
  planet: PlanetSettings;
  feeds: readonly FeedRecord[];
  /** Newest displayDate first; content and summary already sanitized. */
  entries: readonly StoredEntry[];
  /** When the site is built; the only clock render reads. */
  now: Date;
  /** Each feed's avatar by feed URL: a local file relative to the site root (`avatars/<name>.<ext>`); anything else is dropped, so pages never hot-link. */
  avatars?: Readonly<Record<string, string>>;
  /** Every subscription's health (hidden feeds too), for health.html; no page without it or when planet.healthPage is false. */
  health?: readonly FeedHealthRecord[];
  /** Hosts whose iframes the sanitizer keeps (embed_videos); the page's CSP allows only these frames. */
  frameHosts?: readonly string[];
  /**
   * Per-feed config by feed URL. A `hidden` feed (Planet 2.0's meaning) stays in `feeds` but its
   * entries are shown nowhere and its page is empty; `extra` becomes FeedView.extra.
   */
  feedSettings?: Readonly<Record<string, { hidden?: boolean; extra?: Readonly<Record<string, string>> }>>;
}

/** What an avatar path must look like: a file the build publishes itself, never a remote URL. */
const localAvatar = /^avatars\/[0-9a-f]{8,64}\.(png|jpg|gif|webp|ico|svg)$/;

/** The name templates print as the generator. */
const generatorName = 'Planet';

/** A feed that has not been fetched successfully for this long is marked stale. */
const staleAfterMs = 7 * 24 * 60 * 60 * 1000;

/** The view model templates render (see view-model.ts). Pure: same input, same view. */
export function buildSiteView(input: SiteViewInput): SiteView {
  const { planet } = input;
  const dates = createDateFormatter(planet.locale, planet.timezone);
  const slugs = new Set<string>();
  const feeds = input.feeds.map((feed) => toFeedView(feed, input.now, input.avatars?.[feed.url])).sort(byName);
  for (const feed of feeds) feed.href = `feeds/${feedSlug(feed.name, slugs)}/`;
  for (const feed of feeds) {
    const extra = input.feedSettings?.[feed.url]?.extra;
    if (extra !== undefined && Object.keys(extra).length > 0) feed.extra = extra;
    if (input.feedSettings?.[feed.url]?.hidden === true) feed.hidden = true;
  }
  const feedsById = new Map(feeds.map((feed) => [feed.id, feed]));
  const dated: DatedEntry[] = [];
  for (const entry of sortNewestFirst(input.entries)) {
    const source = feedsById.get(entry.feedId);
    // An entry of a feed no longer subscribed (or whose date is unreadable) has no place in the river.
    if (source === undefined || !isValidDate(entry.displayDate)) continue;
    source.lastEntry ??= dates.date(entry.displayDate);
    // Planet 2.0 lists a hidden channel but leaves its items out of every output.
    if (source.hidden === true) continue;
    dated.push({ view: toEntryView(entry, source, dates, planet.summaryLength), at: entry.displayDate });
  }
  const pages = riverPages(dated, planet, dates, planet.name);
  const front = pages[0] as PageView;
  return {
    planet: toPlanetView(planet, input.frameHosts ?? []),
    updatedAt: dates.date(lastFetch(input.feeds) ?? input.now),
    generatedAt: dates.date(input.now),
    entries: dated.slice(0, planet.itemsPerPage).map((e) => e.view),
    days: front.days,
    pages,
    months: monthPages(dated, dates),
    feeds,
    feedPages: feeds.map((feed) => feedPage(feed, dated, dates)),
    links: siteLinks(planet.link),
    page: front,
    ...(planet.healthPage !== false && input.health !== undefined && { health: healthPageView(input.health, new Map(feeds.map((f) => [f.url, f])), dates) }),
  };
}

function toPlanetView(planet: PlanetSettings, frameHosts: readonly string[]): PlanetView {
  return {
    name: planet.name,
    link: planet.link,
    ownerName: planet.ownerName,
    ownerEmail: planet.ownerEmail,
    description: planet.description,
    generator: generatorName,
    locale: planet.locale,
    timezone: planet.timezone,
    frameSources: frameHosts.map((host) => `https://${host}`),
  };
}

function toFeedView(feed: FeedRecord, now: Date, avatar: string | undefined): FeedView {
  const name = stripForbiddenXmlChars(feed.name);
  const stale = feed.lastSuccessAt === undefined || now.getTime() - feed.lastSuccessAt.getTime() > staleAfterMs;
  const view: FeedView = {
    id: feed.id,
    name,
    // The config's name stands in so a feed never fetched still has a title for OPML.
    title: plainText(feed.title) ?? name,
    url: feed.url,
    siteLink: httpUrl(feed.siteLink),
    ok: feed.lastError === undefined,
    health: feed.lastError !== undefined ? 'failing' : stale ? 'stale' : 'ok',
    href: '',
  };
  if (avatar !== undefined && localAvatar.test(avatar)) view.avatar = avatar;
  const error = feed.lastError;
  if (error !== undefined) view.error = { code: error.code, message: stripForbiddenXmlChars(error.message) };
  return view;
}

function toEntryView(entry: StoredEntry, source: FeedView, dates: DateFormatter, summaryLength: number): EntryView {
  const title = plainText(entry.title);
  const content = entry.content ?? entry.summary ?? '';
  // Cut only when a template asks: most pages print the full content, and cutting parses HTML.
  let excerpt: Excerpt | undefined;
  const cut = (): Excerpt => (excerpt ??= excerptHtml(content, summaryLength));
  return {
    id: entry.id,
    title,
    heading: title === undefined ? source.name : `${source.name}: ${title}`,
    link: httpUrl(entry.link),
    content,
    get excerpt() {
      return cut().html;
    },
    get truncated() {
      return cut().truncated;
    },
    author: plainText(entry.author?.name),
    ...(plainText(entry.author?.email) === undefined ? {} : { authorEmail: plainText(entry.author?.email) }),
    ...(entry.content !== undefined && entry.summary !== undefined ? { summary: entry.summary } : {}),
    date: dates.date(entry.displayDate),
    source,
  };
}

/** The newest fetch attempt of any feed: when the planet last looked for news. */
function lastFetch(feeds: readonly FeedRecord[]): Date | undefined {
  const times = feeds.flatMap((f) => (f.lastFetchedAt !== undefined && isValidDate(f.lastFetchedAt) ? [f.lastFetchedAt.getTime()] : []));
  return times.length === 0 ? undefined : new Date(Math.max(...times));
}

// Case- and accent-blind, and numbers by value ("Planet 9" before "Planet 10").
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function byName(a: FeedView, b: FeedView): number {
  // Ties fall back to the exact name, then the id, so the order never depends on the input's.
  return collator.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id);
}

/**
 * The store already sorts; sorting again (stably) keeps day groups whole even if a caller
 * does not, and costs little for a page of entries.
 */
function sortNewestFirst(entries: readonly StoredEntry[]): StoredEntry[] {
  return [...entries].sort((a, b) => b.displayDate.getTime() - a.displayDate.getTime());
}

function siteLinks(link: string): SiteLinks {
  // A base without a trailing slash would make "atom.xml" replace its last path segment.
  const base = link.endsWith('/') ? link : `${link}/`;
  const under = (name: string): string => (URL.canParse(base) ? new URL(name, base).href : name);
  return {
    home: link,
    atom: under('atom.xml'),
    rss: under('rss20.xml'),
    rss10: under('rss10.xml'),
    json: under('feed.json'),
    opml: under('opml.xml'),
    foaf: under('foafroll.xml'),
    titlesOnly: under('titles-only.html'),
    summary: under('summary.html'),
  };
}

/**
 * Feed text without the control characters and noncharacters a feed may smuggle in (HTML calls
 * them parse errors, XML forbids them), trimmed; undefined when nothing is left.
 */
function plainText(text: string | undefined): string | undefined {
  const trimmed = text === undefined ? undefined : stripForbiddenXmlChars(text).trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/** The URL when it is absolute http(s): a feed could otherwise put `javascript:` into an href. */
function httpUrl(url: string | undefined): string | undefined {
  if (url === undefined || !URL.canParse(url)) return undefined;
  const { protocol } = new URL(url);
  return protocol === 'http:' || protocol === 'https:' ? url : undefined;
}
