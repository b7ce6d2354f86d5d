import type { Entry, EntryOptions, FeedConfig, FeedRecord, FilterSettings, ParsedFeed, PlanetConfig, StoredEntry } from '../model/index.ts';
import { applyEntryOptions, applyFilters, hasFilters, matchReason } from '../filter/index.ts';
import type { SanitizePolicy } from '../sanitize/index.ts';
import { sanitizeEntry } from './sanitize-entry.ts';

/** An entry the filters kept out of the store, as the run report shows it. */
export interface DroppedEntryReport {
  id: string;
  title?: string;
  link?: string;
  /** Which filter dropped it, and why, for the feed's author or the planet's maintainer. */
  reason: string;
}

/**
 * A parsed feed's entries as they are stored: the feed's entry options (ignore_in_feed,
 * xml_base, *_type) first, since they change how the entry is read; then the sanitizer; then
 * the filters, so they see the HTML every reader sees and a dropped entry never reaches the
 * store. A failing plugin throws (FilterError), which fails this feed only.
 */
export async function prepareEntries(
  parsed: ParsedFeed,
  documentUrl: string,
  context: { feedConfig?: FeedConfig; sanitize?: SanitizePolicy | false; filters?: FilterSettings },
): Promise<{ entries: Entry[]; dropped: DroppedEntryReport[] }> {
  const entries = readEntries(parsed, documentUrl, { entryOptions: context.feedConfig?.entryOptions, sanitize: context.sanitize });
  return filterEntries(entries, context);
}

/**
 * The first, pure half of prepareEntries (entry options, then the sanitizer): plain data in and
 * out, so the parse workers run it beside the parser (see parse-pool.ts).
 */
export function readEntries(
  parsed: ParsedFeed,
  documentUrl: string,
  context: { entryOptions?: EntryOptions; sanitize?: SanitizePolicy | false },
): Entry[] {
  return parsed.entries.map((entry) => {
    const read = applyEntryOptions(entry, context.entryOptions, { documentUrl, feedLink: parsed.link });
    return sanitizeEntry(read, documentUrl, context.sanitize);
  });
}

/** The second half of prepareEntries: the filters, on the main thread since plugins are user modules loaded there. */
export async function filterEntries(
  entries: Entry[],
  context: { feedConfig?: FeedConfig; filters?: FilterSettings },
): Promise<{ entries: Entry[]; dropped: DroppedEntryReport[] }> {
  const { feedConfig } = context;
  if (feedConfig === undefined || (!hasFilters(context.filters) && !hasFilters(feedConfig.filters))) return { entries, dropped: [] };
  const { kept, dropped } = await applyFilters(entries, context.filters ?? {}, { feed: feedConfig });
  return {
    entries: kept,
    dropped: dropped.map(({ entry, reason }) => ({
      id: entry.id,
      reason,
      ...(entry.title !== undefined && { title: entry.title }),
      ...(entry.link !== undefined && { link: entry.link }),
    })),
  };
}

/**
 * Entries stored before a filter was set are hidden from the site, not deleted (removing the
 * filter shows them again). filter/exclude are checked here against the stored title and
 * content; for the other filters (tags, plugins: the store keeps no categories, and plugins may
 * read fields it does not keep) `droppedIds` lists, per feed URL, what its last full fetch dropped.
 */
export function hideFilteredEntries(
  entries: StoredEntry[],
  config: PlanetConfig,
  feeds: readonly FeedRecord[],
  droppedIds: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): StoredEntry[] {
  const regexOnly = (settings: FilterSettings | undefined): FilterSettings | undefined =>
    settings?.filter === undefined && settings?.exclude === undefined ? undefined : { filter: settings.filter, exclude: settings.exclude };
  const planet = regexOnly(config.filters);
  const byUrl = new Map(config.feeds.map((feed) => [feed.url, regexOnly(feed.filters)]));
  const perFeed = new Map(feeds.map((feed) => [feed.id, { own: byUrl.get(feed.url), dropped: droppedIds.get(feed.url) }]));
  if (planet === undefined && [...perFeed.values()].every(({ own, dropped }) => own === undefined && dropped === undefined)) return entries;
  return entries.filter((entry) => {
    const { own, dropped } = perFeed.get(entry.feedId) ?? {};
    if (dropped?.has(entry.id) === true) return false;
    return (planet === undefined || matchReason(entry, planet, '[filters]') === undefined) &&
      (own === undefined || matchReason(entry, own, '[[feeds]]') === undefined);
  });
}
