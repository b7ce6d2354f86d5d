import { findFeed } from '../config/index.ts';
import { createHttpClient, permanentMove } from '../fetch/index.ts';
import type { HttpClient } from '../fetch/index.ts';
import { hasFilters } from '../filter/index.ts';
import type { Entry, FeedConfig, ParsedFeed, PlanetConfig } from '../model/index.ts';
import { ParseError, PlanetError } from '../model/index.ts';
import type { DiscoveredFeed } from '../parse/index.ts';
import { discoverFeeds, parseFeed } from '../parse/index.ts';
import { prepareEntries } from '../pipeline/index.ts';
import { createSanitizePolicy } from '../sanitize/index.ts';
import { feedWarnings } from './check-warnings.ts';

/** How the river would place an entry (the store's re-dating defence, per [entries] future_dates). */
export type Placement = 'dated' | 'undated' | 'future-kept' | 'future-first-seen' | 'future-skipped';

/** One entry of the feed as the planet would show it. */
export interface CheckedEntry {
  id: string;
  title?: string;
  link?: string;
  /** The date the feed claims (published, else updated). */
  claimed?: Date;
  /** Where the river would place it now; absent when skipped until its date. */
  displayDate?: Date;
  placement: Placement;
  /** Stored hidden when the feed joins a planet that already has entries ([entries] new_feed_items). */
  backCatalogue: boolean;
  /** Why a filter keeps it out, when one does. */
  dropped?: string;
}

/** What `planet check` found: the page's feeds, the feed, its entries, and what to watch out for. */
export interface CheckReport {
  url: string;
  /** When `url` is a web page: the feeds it advertises and which one (1-based) was checked. */
  page?: { feeds: DiscoveredFeed[]; picked: number };
  feed: {
    /** The URL to subscribe to: the feed's, or where a permanent redirect moved it. */
    url: string;
    /** Where the fetch ended, after every redirect. */
    finalUrl: string;
    httpStatus: number;
    bytes: number;
    title?: string;
    link?: string;
    version?: string;
    encoding?: string;
    language?: string;
  };
  /** The config's subscription this feed already is, if any. */
  subscribed?: { url: string; name: string };
  entries: CheckedEntry[];
  /** The filters that apply, as written in the config; empty when none is configured. */
  filters: string[];
  warnings: string[];
}

/** Options of a check: the planet's config and which advertised feed to check. */
export interface CheckOptions {
  config: PlanetConfig;
  /** 1-based index into the feeds a web page advertises. */
  pick?: number;
  now: Date;
}

/** Fetches `url`, follows a web page to the feed it advertises, and previews what the planet would show. Writes nothing. */
export async function checkFeed(url: string, options: CheckOptions): Promise<CheckReport> {
  const { config, now } = options;
  const client = createHttpClient(config.fetch);
  try {
    let fetched = await fetchBody(client, url);
    let parsed: ParsedFeed;
    let page: CheckReport['page'];
    try {
      parsed = parseFeed(fetched.body, fetched.options);
    } catch (error) {
      if (!(error instanceof ParseError) || error.code !== 'html-not-feed') throw error;
      const feeds = discoverFeeds(new TextDecoder().decode(fetched.body), fetched.finalUrl);
      if (feeds.length === 0) throw error;
      const picked = options.pick ?? 1;
      const feed = feeds[picked - 1];
      if (feed === undefined) {
        throw new PlanetError('cli', 'usage', `check: ${url} advertises ${feeds.length} feed${feeds.length === 1 ? '' : 's'}; --pick takes 1 to ${feeds.length}`);
      }
      page = { feeds, picked };
      fetched = await fetchBody(client, feed.url);
      parsed = parseFeed(fetched.body, fetched.options);
    }
    const subscribed = subscriptionOf(config, [url, page ? fetched.requested : undefined, fetched.finalUrl, fetched.moved]);
    const feedConfig: FeedConfig = config.feeds.find((f) => f.url === subscribed?.url) ?? { url: fetched.subscribeUrl, name: parsed.title ?? '' };
    const entries = await previewEntries(parsed, fetched.finalUrl, config, feedConfig, now);
    return {
      url,
      ...(page && { page }),
      feed: {
        url: fetched.subscribeUrl,
        finalUrl: fetched.finalUrl,
        httpStatus: fetched.httpStatus,
        bytes: fetched.body.length,
        ...defined({ title: parsed.title, link: parsed.link, version: parsed.version, encoding: parsed.encoding, language: parsed.language }),
      },
      ...(subscribed && { subscribed }),
      entries,
      filters: filterLines(config, feedConfig),
      warnings: feedWarnings(parsed, entries, config.planet.locale, config.entries.futureDates),
    };
  } finally {
    await client.close();
  }
}

interface Fetched {
  requested: string;
  finalUrl: string;
  moved?: string;
  subscribeUrl: string;
  httpStatus: number;
  body: Buffer;
  options: { url: string; contentType?: string };
}

async function fetchBody(client: HttpClient, url: string): Promise<Fetched> {
  const result = await client.fetchFeed({ url, validators: {} });
  if (result.kind !== 'ok') throw new PlanetError('cli', 'usage', `check: ${url} answered 304 Not Modified to a request without validators; try again`);
  const moved = permanentMove(result.redirects);
  return {
    requested: url,
    finalUrl: result.url,
    ...(moved !== undefined && { moved }),
    // A temporary redirect may change back; only a permanent one names the feed's new home.
    subscribeUrl: moved ?? url,
    httpStatus: result.httpStatus,
    body: result.body,
    options: { url: result.url, ...(result.contentType !== undefined && { contentType: result.contentType }) },
  };
}

/** The config's feed any of these URLs already is (exact, then normalised, as config edits match). */
function subscriptionOf(config: PlanetConfig, urls: readonly (string | undefined)[]): { url: string; name: string } | undefined {
  const subscribed = config.feeds.map((feed) => feed.url);
  for (const url of urls) {
    if (url === undefined) continue;
    const feed = config.feeds[findFeed(subscribed, url)];
    if (feed) return { url: feed.url, name: feed.name };
  }
  return undefined;
}

/** The entries as the pipeline would store them (entry options, sanitizer, filters) and where the river would put them. */
async function previewEntries(parsed: ParsedFeed, documentUrl: string, config: PlanetConfig, feed: FeedConfig, now: Date): Promise<CheckedEntry[]> {
  const sanitize = createSanitizePolicy(config.sanitize, feed.sanitize, `${config.configPath} (${feed.url})`);
  const { entries, dropped } = await prepareEntries(parsed, documentUrl, { feedConfig: feed, sanitize, filters: config.filters });
  const reasons = new Map(dropped.map((d) => [d.id, d.reason]));
  const kept = new Set(entries.map((entry) => entry.id));
  const checked = parsed.entries
    .filter((entry) => kept.has(entry.id) || reasons.has(entry.id))
    .map((entry) => place(entry, config, now, reasons.get(entry.id)));
  // A feed added to a running planet publishes only its newest new_feed_items (store: backCatalogue).
  const shown = checked.filter((e) => e.dropped === undefined && e.displayDate !== undefined);
  const newest = [...shown].sort((a, b) => (b.displayDate?.getTime() ?? 0) - (a.displayDate?.getTime() ?? 0));
  for (const entry of newest.slice(config.entries.newFeedItems)) entry.backCatalogue = true;
  // Newest first, as the river shows them; an entry skipped until its date sorts by that date.
  const when = (e: CheckedEntry): number => (e.displayDate ?? e.claimed)?.getTime() ?? 0;
  return checked.sort((a, b) => when(b) - when(a));
}

/** The store's placement rule for a new entry (save-entries.ts placeNew), previewed at `now`. */
function place(entry: Entry, config: PlanetConfig, now: Date, dropped: string | undefined): CheckedEntry {
  const claimed = entry.published ?? entry.updated;
  const base = { id: entry.id, ...defined({ title: entry.title, link: entry.link, claimed }), backCatalogue: false, ...(dropped !== undefined && { dropped }) };
  if (claimed === undefined) return { ...base, displayDate: now, placement: 'undated' };
  if (claimed.getTime() <= now.getTime()) return { ...base, displayDate: claimed, placement: 'dated' };
  const rule = config.entries.futureDates;
  if (rule === 'keep') return { ...base, displayDate: claimed, placement: 'future-kept' };
  return rule === 'ignore_entry' ? { ...base, placement: 'future-skipped' } : { ...base, displayDate: now, placement: 'future-first-seen' };
}

/** The configured filters that apply to this feed, one line each. */
function filterLines(config: PlanetConfig, feed: FeedConfig): string[] {
  const lines: string[] = [];
  for (const [where, settings] of [['[filters]', config.filters], ['this feed', feed.filters]] as const) {
    if (!hasFilters(settings) || settings === undefined) continue;
    const { filter, exclude, includeTags, excludeTags, excerpt, plugins } = settings;
    if (filter !== undefined) lines.push(`${where}: keep only entries matching /${filter}/`);
    if (exclude !== undefined) lines.push(`${where}: drop entries matching /${exclude}/`);
    if (includeTags?.length) lines.push(`${where}: keep only entries tagged ${includeTags.join(', ')}`);
    if (excludeTags?.length) lines.push(`${where}: drop entries tagged ${excludeTags.join(', ')}`);
    if (excerpt) lines.push(`${where}: cut summaries to ${excerpt} characters`);
    for (const plugin of plugins ?? []) lines.push(`${where}: plugin ${plugin}`);
  }
  return lines;
}

/** The object without its undefined fields (exactOptionalPropertyTypes-friendly spreading). */
function defined<T extends Record<string, unknown>>(fields: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
