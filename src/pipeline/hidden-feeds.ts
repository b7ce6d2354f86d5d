import type { FeedRecord, PlanetConfig, StoredEntry } from '../model/index.ts';
import type { Store } from '../store/index.ts';

/**
 * The entries a build shows: up to `limit` of the feeds not marked `hidden`, newest first, plus
 * each hidden feed's newest entry. A hidden feed (Planet 2.0's meaning) is listed but its entries
 * appear nowhere, so they must not take places in the limit; its newest entry only tells templates
 * when it last posted (Planet 2.0's activity_threshold message).
 */
export async function listSiteEntries(store: Store, config: PlanetConfig, feeds: readonly FeedRecord[], limit: number): Promise<StoredEntry[]> {
  const hiddenUrls = new Set(config.feeds.filter((feed) => feed.hidden === true).map((feed) => feed.url));
  const shown = feeds.filter((feed) => !hiddenUrls.has(feed.url));
  const entries = await store.listEntries({ feedIds: shown.map((feed) => feed.id), limit });
  for (const feed of feeds) {
    if (hiddenUrls.has(feed.url)) entries.push(...(await store.listEntries({ feedIds: [feed.id], limit: 1 })));
  }
  return entries;
}
