import { assessFeeds, healthSettingsOf, hiddenByPolicy } from '../health/index.ts';
import type { FeedHealth, FeedRecord, PlanetConfig } from '../model/index.ts';
import type { Store } from '../store/index.ts';

/** Display date of each feed's newest shown entry (hidden back catalogue and duplicates left out). */
function newestEntries(store: Store, feeds: readonly FeedRecord[]): Promise<Map<number, Date>> {
  return store.newestEntryDates(feeds.map((feed) => feed.id));
}

/** The health of every subscription in the config, from the store alone: it reads, never writes or fetches. */
export async function assessPlanet(config: PlanetConfig, store: Store, now: Date): Promise<FeedHealth[]> {
  const subscribed = new Set(config.feeds.map((feed) => feed.url));
  const feeds = (await store.listFeeds()).filter((feed) => subscribed.has(feed.url));
  // Two queries for the whole planet, not two per feed: a build of hundreds of feeds runs this.
  const history = await store.listHistories(feeds.map((feed) => feed.id));
  return assessFeeds({ config, feeds, history, newestEntryAt: await newestEntries(store, feeds), now });
}

/** The feeds the `[health]` policy lets into the river and the subscription list at this build. */
export async function feedsShownByPolicy(config: PlanetConfig, store: Store, feeds: FeedRecord[], now: Date): Promise<FeedRecord[]> {
  const settings = healthSettingsOf(config);
  if (settings.hideAfterFailures === 0 && settings.hideAfterStaleDays === 0) return feeds;
  // Only the stale rule needs entry dates; skip the per-feed queries when it is off.
  const newest = settings.hideAfterStaleDays > 0 ? await newestEntries(store, feeds) : new Map<number, Date>();
  return feeds.filter((feed) => !hiddenByPolicy(feed, newest.get(feed.id), settings, now));
}
