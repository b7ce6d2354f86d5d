import type { FeedRecord, PlanetConfig } from '../model/index.ts';
import type { EntryPolicy, ExpungedEntry, Store } from '../store/index.ts';
import type { FeedReport } from './refresh-feed.ts';

/** Two or more subscriptions that lead to the same feed once redirects are followed. */
export interface DuplicateSubscription {
  /** The URL they all end up at. */
  finalUrl: string;
  /** The configured URLs, in config order. */
  urls: string[];
}

/**
 * The re-dating policy for this run. Decided once, before any feed saves: on the planet's
 * first run (an empty store) every feed is placed by its own dates; after that a feed's
 * first fetch publishes only `new_feed_items` of its back catalogue.
 */
export function entryPolicyFor(config: PlanetConfig, feeds: readonly FeedRecord[], planetHasEntries: boolean): EntryPolicy {
  const { entries } = config;
  return {
    futureDates: entries.futureDates,
    bumpOnUpdate: entries.bumpOnUpdate,
    ...(planetHasEntries && { newFeedItems: entries.newFeedItems }),
    ...(entries.duplicates === 'config-order' && { feedOrder: feeds.map((feed) => feed.id) }),
  };
}

/** Subscriptions whose fetches ended at the same URL (feeds that failed before answering are left out). */
export function duplicateSubscriptions(reports: readonly FeedReport[]): DuplicateSubscription[] {
  const byFinal = new Map<string, string[]>();
  for (const report of reports) {
    if (report.status === 'failed' || report.status === 'gone' || report.status.startsWith('skipped')) continue;
    const final = report.finalUrl ?? report.url;
    byFinal.set(final, [...(byFinal.get(final) ?? []), report.url]);
  }
  return [...byFinal].filter(([, urls]) => urls.length > 1).map(([finalUrl, urls]) => ({ finalUrl, urls }));
}

/** Applies the `[entries]` retention settings; nothing is removed when keep_days is 0. */
export async function expungeOld(config: PlanetConfig, store: Store, options: { now: Date; dryRun: boolean }): Promise<ExpungedEntry[]> {
  const { keepPerFeed, keepDays } = config.entries;
  return store.expunge({ keepPerFeed, keepDays, now: options.now, dryRun: options.dryRun });
}
