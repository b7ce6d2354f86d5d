import type { HttpClient } from '../fetch/index.ts';
import { createHttpClient } from '../fetch/index.ts';
import type { PlanetConfig } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { mapLimited } from './pool.ts';
import type { FeedReport } from './refresh-feed.ts';
import { refreshFeed } from './refresh-feed.ts';

/** What `updatePlanet` did, feed by feed. */
export interface UpdateReport {
  feeds: FeedReport[];
  totals: { updated: number; notModified: number; failed: number; newEntries: number; updatedEntries: number };
  ms: number;
}

export interface UpdateOptions {
  /** An HTTP client to use instead of one made from config.fetch (closed by its owner). */
  client?: HttpClient;
  now?: () => Date;
  /** Called as each feed finishes, for progress output. */
  onFeed?: (report: FeedReport) => void;
}

/** Fetches every configured feed, at most `config.fetch.concurrency` at once, and stores what they hold. */
export async function updatePlanet(config: PlanetConfig, store: Store, options: UpdateOptions = {}): Promise<UpdateReport> {
  const started = performance.now();
  const feeds = await store.syncFeeds(config.feeds);
  const client = options.client ?? createHttpClient(config.fetch);
  const now = options.now ?? (() => new Date());
  let reports: FeedReport[];
  try {
    reports = await mapLimited(feeds, config.fetch.concurrency, async (feed) => {
      const report = await refreshFeed(feed, { client, store, now });
      options.onFeed?.(report);
      return report;
    });
  } finally {
    if (options.client === undefined) await client.close();
  }
  const count = (status: FeedReport['status']): number => reports.filter((r) => r.status === status).length;
  const sum = (key: 'newEntries' | 'updatedEntries'): number => reports.reduce((n, r) => n + r[key], 0);
  return {
    feeds: reports,
    totals: {
      updated: count('updated'),
      notModified: count('not-modified'),
      failed: count('failed'),
      newEntries: sum('newEntries'),
      updatedEntries: sum('updatedEntries'),
    },
    ms: Math.round(performance.now() - started),
  };
}
