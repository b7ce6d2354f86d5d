import type { HttpClient } from '../fetch/index.ts';
import { createHttpClient, interleaveByHost } from '../fetch/index.ts';
import type { PlanetConfig } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import type { FeedReader } from './parse-pool.ts';
import { createSanitizePolicy } from '../sanitize/index.ts';
import type { DuplicateSubscription } from './entry-lifecycle.ts';
import { duplicateSubscriptions, entryPolicyFor, expungeOld } from './entry-lifecycle.ts';
import { refreshAvatars } from './avatars.ts';
import { mapReleasing } from './pool.ts';
import { createParsePool, inlineReader, parseWorkerCount } from './parse-pool.ts';
import type { FeedReport } from './refresh-feed.ts';
import { refreshFeed } from './refresh-feed.ts';
import type { ReadingListReport } from './reading-lists.ts';
import { refreshReadingLists } from './reading-lists.ts';
import { recordFilteredIds } from './filtered-ids.ts';

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
    /** Entries the filters kept out of the store (per feed: FeedReport.dropped). */
    filtered: number;
  };
  /** Subscriptions that redirect to the same feed: each is fetched, its entries shown once. */
  duplicates: DuplicateSubscription[];
  /** What happened to each [[reading_lists]] list (absent without lists). */
  readingLists?: ReadingListReport[];
  /** Entries retention removed after the fetches (none unless [entries] keep_days is set). */
  expunged: number;
  /** Feeds whose avatar check the pass's time limit (one fetch timeout) cut short: checked next run. */
  avatarsUnreached: number;
  ms: number;
}

export interface UpdateOptions {
  /** An HTTP client to use instead of one made from config.fetch (closed by its owner). */
  client?: HttpClient;
  /** Where fetched bodies are parsed and sanitized, instead of the parse workers config.fetch.workers asks for (closed by its owner). */
  reader?: FeedReader;
  now?: () => Date;
  /** Called as each feed finishes, for progress output. */
  onFeed?: (report: FeedReport) => void;
  /** Fetch every feed, ignoring backoff and 410 Gone (`--force`). */
  force?: boolean;
  /**
   * Once aborted, no further feed is started (`planet watch` stopping); feeds already being
   * fetched finish and are saved whole. The report lists only the feeds that ran.
   */
  signal?: AbortSignal;
  /**
   * Test only, never set from config or the CLI: store entry HTML as feeds sent it, so that the
   * browser proof's control run (src/e2e) can show its detector sees script that runs.
   */
  unsafeRawHtml?: boolean;
}

/** Fetches every configured feed, at most `config.fetch.concurrency` at once, and stores what they hold. */
export async function updatePlanet(configured: PlanetConfig, store: Store, options: UpdateOptions = {}): Promise<UpdateReport> {
  const started = performance.now();
  // Reading lists are read first: their feeds join config.feeds, which everything below indexes.
  const lists = await refreshReadingLists(configured, store, { client: options.client, now: options.now });
  // The parse workers load while the feeds are synced and the first requests are in flight.
  const workers = parseWorkerCount(lists.config.fetch.workers);
  const reader = options.reader ?? (workers === 0 ? inlineReader : createParsePool(workers));
  try {
    return await updateFeeds(lists, store, options, reader, started);
  } finally {
    if (options.reader === undefined) await reader.close();
  }
}

/** updatePlanet once the feeds are known and the reader is ready: fetch, store, avatars, retention. */
async function updateFeeds(
  lists: { config: PlanetConfig; reports: ReadingListReport[] },
  store: Store,
  options: UpdateOptions,
  reader: FeedReader,
  started: number,
): Promise<UpdateReport> {
  const config = lists.config;
  // Built before any fetch, so a bad [sanitize] key fails the run instead of every feed.
  // Feeds without [sanitize] keys of their own share the planet's policy: one compile, not one per feed.
  const planetPolicy = createSanitizePolicy(config.sanitize, undefined, config.configPath);
  const policies = config.feeds.map((feed) =>
    feed.sanitize === undefined ? planetPolicy : createSanitizePolicy(config.sanitize, feed.sanitize, `${config.configPath} (${feed.url})`),
  );
  const feeds = await store.syncFeeds(config.feeds);
  const client = options.client ?? createHttpClient(config.fetch);
  const now = options.now ?? (() => new Date());
  const entryPolicy = entryPolicyFor(config, feeds, await store.hasEntries());
  let reports: FeedReport[];
  try {
    // Round-robin by host, so the pool keeps many hosts busy rather than queueing on one host's limit.
    const order = interleaveByHost(feeds.map((feed, index) => ({ feed, index })), ({ feed }) => feed.url);
    // A feed's slot is freed once its body is in hand, so the next request leaves while it is read and stored.
    const done = await mapReleasing(order, config.fetch.concurrency, async ({ feed, index }, onFetched) => {
      if (options.signal?.aborted === true) return undefined;
      const feedConfig = config.feeds[index];
      const sanitize = options.unsafeRawHtml === true ? false : policies[index];
      const report = await refreshFeed(feed, { client, store, now, force: options.force, fetchSettings: config.fetch, feedConfig, sanitize, policy: entryPolicy, filters: config.filters, reader, onFetched });
      options.onFeed?.(report);
      return { report, index };
    });
    reports = done.filter((d) => d !== undefined).sort((a, b) => a.index - b.index).map(({ report }) => report);
  } finally {
    if (options.client === undefined) await client.close();
  }
  // After the feeds, whose documents name their images; a slow icon never delays the news.
  const feedImages = new Map(reports.filter((r) => r.status === 'updated').map((r) => [r.feedId, r.feedImage]));
  const avatars = await refreshAvatars(config, store, feeds, { now: now(), feedImages, signal: options.signal });
  const count = (status: FeedReport['status']): number => reports.filter((r) => r.status === status).length;
  const sum = (key: 'newEntries' | 'updatedEntries'): number => reports.reduce((n, r) => n + r[key], 0);
  // What the filters dropped now, so the build hides copies stored before they were set.
  await recordFilteredIds(config, store, reports);
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
      filtered: reports.reduce((n, r) => n + (r.dropped?.length ?? 0), 0),
    },
    duplicates: duplicateSubscriptions(reports),
    ...(lists.reports.length > 0 && { readingLists: lists.reports }),
    expunged: expunged.length,
    avatarsUnreached: avatars.filter((a) => a.status === 'unreached').length,
    ms: Math.round(performance.now() - started),
  };
}
