import type { HttpClient } from '../fetch/index.ts';
import { createHttpClient, interleaveByHost } from '../fetch/index.ts';
import type { PlanetConfig } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { createSanitizePolicy } from '../sanitize/index.ts';
import type { DuplicateSubscription } from './entry-lifecycle.ts';
import { duplicateSubscriptions, entryPolicyFor, expungeOld } from './entry-lifecycle.ts';
import { mapLimited } from './pool.ts';
import type { FeedReport } from './refresh-feed.ts';
import { refreshFeed } from './refresh-feed.ts';

/** What `updatePlanet` did, feed by feed. */
export interface UpdateReport {
  feeds: FeedReport[];
  totals: {
    updated: number;
    notModified: number;
    failed: number;
    /** Left alone: in backoff (or told to come back later), or gone. */
    skippedBackoff: number;
    gone: number;
    newEntries: number;
    updatedEntries: number;
  };
  /** Subscriptions that redirect to the same feed: each is fetched, its entries shown once. */
  duplicates: DuplicateSubscription[];
  /** Entries retention removed after the fetches (none unless [entries] keep_days is set). */
  expunged: number;
  ms: number;
}

export interface UpdateOptions {
  /** An HTTP client to use instead of one made from config.fetch (closed by its owner). */
  client?: HttpClient;
  now?: () => Date;
  /** Called as each feed finishes, for progress output. */
  onFeed?: (report: FeedReport) => void;
  /** Fetch every feed, ignoring backoff and 410 Gone (`--force`). */
  force?: boolean;
  /**
   * Test only, never set from config or the CLI: store entry HTML as feeds sent it, so that the
   * browser proof's control run (src/e2e) can show its detector sees script that runs.
   */
  unsafeRawHtml?: boolean;
}

/** Fetches every configured feed, at most `config.fetch.concurrency` at once, and stores what they hold. */
export async function updatePlanet(config: PlanetConfig, store: Store, options: UpdateOptions = {}): Promise<UpdateReport> {
  const started = performance.now();
  // Built before any fetch, so a bad [sanitize] key fails the run instead of every feed.
  const policies = config.feeds.map((feed) => createSanitizePolicy(config.sanitize, feed.sanitize, `${config.configPath} (${feed.url})`));
  const feeds = await store.syncFeeds(config.feeds);
  const client = options.client ?? createHttpClient(config.fetch);
  const now = options.now ?? (() => new Date());
  const entryPolicy = entryPolicyFor(config, feeds, await store.hasEntries());
  let reports: FeedReport[];
  try {
    // Round-robin by host, so the pool keeps many hosts busy rather than queueing on one host's limit.
    const order = interleaveByHost(feeds.map((feed, index) => ({ feed, index })), ({ feed }) => feed.url);
    const done = await mapLimited(order, config.fetch.concurrency, async ({ feed, index }) => {
      const feedConfig = config.feeds[index];
      const sanitize = options.unsafeRawHtml === true ? false : policies[index];
      const report = await refreshFeed(feed, { client, store, now, force: options.force, fetchSettings: config.fetch, feedConfig, sanitize, policy: entryPolicy });
      options.onFeed?.(report);
      return { report, index };
    });
    reports = done.sort((a, b) => a.index - b.index).map(({ report }) => report);
  } finally {
    if (options.client === undefined) await client.close();
  }
  const count = (status: FeedReport['status']): number => reports.filter((r) => r.status === status).length;
  const sum = (key: 'newEntries' | 'updatedEntries'): number => reports.reduce((n, r) => n + r[key], 0);
  const expunged = await expungeOld(config, store, { now: now(), dryRun: false });
  return {
    feeds: reports,
    totals: {
      updated: count('updated'),
      notModified: count('not-modified'),
      failed: count('failed'),
      skippedBackoff: count('skipped-backoff'),
      gone: count('gone'),
      newEntries: sum('newEntries'),
      updatedEntries: sum('updatedEntries'),
    },
    duplicates: duplicateSubscriptions(reports),
    expunged: expunged.length,
    ms: Math.round(performance.now() - started),
  };
}
