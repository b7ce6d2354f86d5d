import { createHash } from 'node:crypto';
import type { FeedConfig, PlanetConfig } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import type { FeedReport } from './refresh-feed.ts';

/** The filter settings that apply to a feed, as a short fingerprint: a changed filter voids what the old one dropped. */
function settingsOf(config: PlanetConfig, feed: FeedConfig): string {
  return createHash('sha256').update(JSON.stringify([config.filters ?? null, feed.filters ?? null])).digest('hex').slice(0, 16);
}

/** Same settings and the same ids: nothing to write. */
function sameRecord(kept: { settings: string; ids: readonly string[] } | undefined, settings: string, ids: readonly string[]): boolean {
  if (kept === undefined) return ids.length === 0;
  const now = new Set(ids);
  return kept.settings === settings && kept.ids.length === now.size && kept.ids.every((id) => now.has(id));
}

/**
 * Remembers in the store, per feed fetched in full this run, which entry ids its filters dropped,
 * so the build hides copies stored before the filter was set (the store keeps no categories to
 * re-check include_tags or exclude_tags, and plugins may read fields it does not keep). Feeds not
 * fetched in full keep what their last full fetch decided; feeds gone from the config are forgotten.
 */
export async function recordFilteredIds(config: PlanetConfig, store: Store, reports: readonly FeedReport[]): Promise<void> {
  const byUrl = new Map(config.feeds.map((feed) => [feed.url, feed]));
  const kept = new Map((await store.listFilteredIds()).map((record) => [record.feedId, record]));
  const configured = new Set((await store.listFeeds()).filter((record) => byUrl.has(record.url)).map((record) => record.id));
  for (const feedId of kept.keys()) if (!configured.has(feedId)) await store.setFilteredIds(feedId, '', []);
  for (const report of reports) {
    const feed = byUrl.get(report.url);
    if (report.status !== 'updated' || feed === undefined) continue;
    const settings = settingsOf(config, feed);
    const ids = (report.dropped ?? []).map((entry) => entry.id);
    if (!sameRecord(kept.get(report.feedId), settings, ids)) await store.setFilteredIds(report.feedId, settings, ids);
  }
}

/** Per feed URL, the entry ids to hide: those its last full fetch dropped, if its filters are still the same. */
export async function loadFilteredIds(config: PlanetConfig, store: Store): Promise<Map<string, Set<string>>> {
  const kept = await store.listFilteredIds();
  const out = new Map<string, Set<string>>();
  if (kept.length === 0) return out;
  const urlOf = new Map((await store.listFeeds()).map((record) => [record.id, record.url]));
  const byUrl = new Map(config.feeds.map((feed) => [feed.url, feed]));
  for (const record of kept) {
    const url = urlOf.get(record.feedId);
    const feed = url === undefined ? undefined : byUrl.get(url);
    if (url !== undefined && feed !== undefined && record.settings === settingsOf(config, feed)) out.set(url, new Set(record.ids));
  }
  return out;
}
