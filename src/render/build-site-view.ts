import type { FeedRecord, PlanetSettings, StoredEntry } from '../model/index.ts';
import { isValidDate, toDateView, toDay } from './dates.ts';
import { stripForbiddenXmlChars } from './xml-text.ts';
import type { DayView, EntryView, FeedView, PlanetView, SiteLinks, SiteView } from './view-model.ts';

/** What buildSiteView turns into a SiteView: plain data, never the store. */
export interface SiteViewInput {
  planet: PlanetSettings;
  feeds: readonly FeedRecord[];
  /** Newest displayDate first; content and summary already sanitized. */
  entries: readonly StoredEntry[];
  /** When the site is built; the only clock render reads. */
  now: Date;
}

/** The name templates print as the generator. */
const generatorName = 'Planet';

/** The view model templates render (see view-model.ts). Pure: same input, same view. */
export function buildSiteView(input: SiteViewInput): SiteView {
  const feeds = input.feeds.map(toFeedView).sort(byName);
  const feedsById = new Map(feeds.map((feed) => [feed.id, feed]));
  const entries: EntryView[] = [];
  const days: DayView[] = [];
  for (const entry of sortNewestFirst(input.entries)) {
    if (entries.length >= input.planet.itemsPerPage) break;
    const source = feedsById.get(entry.feedId);
    // An entry of a feed no longer subscribed (or whose date is unreadable) has no place in the river.
    if (source === undefined || !isValidDate(entry.displayDate)) continue;
    const view = toEntryView(entry, source);
    entries.push(view);
    addToDay(days, toDay(entry.displayDate), view);
  }
  return {
    planet: toPlanetView(input.planet),
    generatedAt: toDateView(input.now),
    entries,
    days,
    feeds,
    links: siteLinks(input.planet.link),
  };
}

function toPlanetView(planet: PlanetSettings): PlanetView {
  return {
    name: planet.name,
    link: planet.link,
    ownerName: planet.ownerName,
    ownerEmail: planet.ownerEmail,
    description: planet.description,
    generator: generatorName,
  };
}

function toFeedView(feed: FeedRecord): FeedView {
  const name = stripForbiddenXmlChars(feed.name);
  const view: FeedView = {
    id: feed.id,
    name,
    // The config's name stands in so a feed never fetched still has a title for OPML.
    title: plainText(feed.title) ?? name,
    url: feed.url,
    siteLink: httpUrl(feed.siteLink),
    ok: feed.lastError === undefined,
  };
  const error = feed.lastError;
  if (error !== undefined) view.error = { code: error.code, message: stripForbiddenXmlChars(error.message) };
  return view;
}

function toEntryView(entry: StoredEntry, source: FeedView): EntryView {
  const title = plainText(entry.title);
  return {
    id: entry.id,
    title,
    heading: title === undefined ? source.name : `${source.name}: ${title}`,
    link: httpUrl(entry.link),
    content: entry.content ?? entry.summary ?? '',
    author: plainText(entry.author?.name),
    date: toDateView(entry.displayDate),
    source,
  };
}

const collator = new Intl.Collator('en', { sensitivity: 'base' });

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

/** Entries arrive newest first, so a day's entries are consecutive. */
function addToDay(days: DayView[], day: { date: string; label: string }, entry: EntryView): void {
  const last = days.at(-1);
  if (last !== undefined && last.date === day.date) last.entries.push(entry);
  else days.push({ ...day, entries: [entry] });
}

function siteLinks(link: string): SiteLinks {
  // A base without a trailing slash would make "atom.xml" replace its last path segment.
  const base = link.endsWith('/') ? link : `${link}/`;
  const under = (name: string): string => (URL.canParse(base) ? new URL(name, base).href : name);
  return { home: link, atom: under('atom.xml'), rss: under('rss20.xml'), opml: under('opml.xml') };
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
