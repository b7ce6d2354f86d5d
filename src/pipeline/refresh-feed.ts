import { fetchUrlOf, scheduleAfterFailure, scheduleAfterSuccess, skipReason } from '../fetch/index.ts';
import type { FeedSchedule, HttpClient, RedirectHop } from '../fetch/index.ts';
import type { FeedConfig, FeedRecord, FetchSettings, FilterSettings } from '../model/index.ts';
import { FetchError, toErrorRecord } from '../model/index.ts';
import type { SanitizePolicy } from '../sanitize/index.ts';
import type { EntryPolicy, Store } from '../store/index.ts';
import type { DroppedEntryReport } from './filter-entries.ts';
import { filterEntries } from './filter-entries.ts';
import type { FeedReader } from './parse-pool.ts';
import { inlineReader } from './parse-pool.ts';

/** What happened to one feed in one run. */
export interface FeedReport {
  feedId: number;
  url: string;
  name: string;
  status: 'updated' | 'not-modified' | 'failed' | 'skipped-backoff' | 'gone';
  httpStatus?: number;
  error?: { code: string; message: string };
  /** Where the feed was finally fetched from, when redirects moved it. */
  finalUrl?: string;
  newEntries: number;
  updatedEntries: number;
  warnings: string[];
  ms: number;
  /** Every redirect hop followed, in order. */
  redirects: RedirectHop[];
  /** Bytes of the (decompressed) body received; 0 without one. */
  bytes: number;
  /** Where a permanent redirect says the feed moved: a proposal for planet.toml. */
  movedTo?: string;
  /** Not fetched again before this, unless forced. */
  nextFetchAt?: Date;
  /** Entries the filters kept out of the store this run, each with the reason (absent: none). */
  dropped?: DroppedEntryReport[];
  /** The image the feed document names for itself (RSS image, Atom icon, JSON Feed icon), when updated; for avatars. */
  feedImage?: string;
}

export interface RefreshContext {
  client: HttpClient;
  store: Store;
  now: () => Date;
  /** Fetch regardless of backoff and of a 410 Gone (`--force`). */
  force?: boolean;
  /** The run's fetch settings: respect_feed_ttl and apply_permanent_redirects are read here. */
  fetchSettings?: FetchSettings;
  /** The feed as configured: its extra headers and basic auth. */
  feedConfig?: FeedConfig;
  /** This feed's sanitize policy (the default allowlist when absent); `false` only in tests, see UpdateOptions. */
  sanitize?: SanitizePolicy | false;
  /** How new and changed entries are placed (the re-dating defence); the store's default when absent. */
  policy?: EntryPolicy;
  /** The planet's `[filters]` (the feed's own come with feedConfig). */
  filters?: FilterSettings;
  /** Where bodies are parsed and sanitized (a pool of worker threads); inline when absent. */
  reader?: FeedReader;
  /** Called once the response is in hand: the caller's fetch slot is free for the next feed. */
  onFetched?: () => void;
}

/**
 * Fetches, parses, sanitizes and stores one feed. This is the pipeline's one per-feed
 * error boundary: whatever goes wrong with this feed is stored on its row and
 * reported, and the run goes on. Only a failure to record the failure escapes.
 */
export async function refreshFeed(feed: FeedRecord, context: RefreshContext): Promise<FeedReport> {
  const started = performance.now();
  const base = { feedId: feed.id, url: feed.url, name: feed.name, newEntries: 0, updatedEntries: 0, warnings: [], redirects: [], bytes: 0 };
  const elapsed = (): number => Math.round(performance.now() - started);
  const skipped = skipReason(feed, context.now(), context.force === true);
  if (skipped !== undefined) return { ...base, status: skipped, ...(feed.nextFetchAt && { nextFetchAt: feed.nextFetchAt }), ms: 0 };
  const url = fetchUrlOf(feed, context.fetchSettings?.applyPermanentRedirects === true);
  const respectFeedTtl = context.fetchSettings?.respectFeedTtl === true;
  try {
    const { headers, auth } = context.feedConfig ?? {};
    const result = await context.client.fetchFeed({ url, validators: feed.validators, headers, auth });
    context.onFetched?.();
    const finalUrl = result.url === feed.url ? undefined : result.url;
    const redirects = result.redirects;
    const schedule = scheduleAfterSuccess(feed, result, { now: context.now(), fetchedUrl: url, respectFeedTtl });
    if (result.kind === 'not-modified') {
      await context.store.saveFetch(feed.id, {
        kind: 'not-modified',
        at: context.now(),
        httpStatus: result.httpStatus,
        validators: result.validators,
        finalUrl: finalUrl ?? null,
        ...schedule,
        ms: elapsed(),
      });
      return { ...base, status: 'not-modified', httpStatus: result.httpStatus, finalUrl, redirects, ...reported(schedule), ms: elapsed() };
    }
    // Read before the body may be transferred to a parse worker (which empties this Buffer).
    const bytes = result.body.length;
    const parsed = await (context.reader ?? inlineReader).read({
      body: result.body,
      url: result.url,
      contentType: result.contentType,
      entryOptions: context.feedConfig?.entryOptions,
      sanitize: context.sanitize,
    });
    const { entries, dropped } = await filterEntries(parsed.entries, { feedConfig: context.feedConfig, filters: context.filters });
    const saved = await context.store.saveFetch(feed.id, {
      kind: 'updated',
      at: context.now(),
      httpStatus: result.httpStatus,
      validators: result.validators,
      finalUrl: finalUrl ?? null,
      feed: { title: parsed.title, link: parsed.link },
      entries,
      ...schedule,
      bytes,
      ms: elapsed(),
    }, context.policy);
    const feedImage = parsed.image?.href ?? parsed.icon ?? parsed.logo;
    return { ...base, ...saved, status: 'updated', httpStatus: result.httpStatus, finalUrl, warnings: parsed.warnings, redirects, bytes, ...reported(schedule), ...(feedImage !== undefined && { feedImage }), ...(dropped.length > 0 && { dropped }), ms: elapsed() };
  } catch (caught) {
    const error = toErrorRecord(caught);
    const httpStatus = caught instanceof FetchError ? caught.httpStatus : undefined;
    const at = context.now();
    const schedule = scheduleAfterFailure(feed, caught, at);
    await context.store.saveFetch(feed.id, { kind: 'failed', at, httpStatus, error, ...schedule, ms: elapsed() });
    const status = schedule.goneAt ? 'gone' : 'failed';
    return { ...base, status, httpStatus, error, ...reported(schedule), ms: elapsed() };
  }
}

/** The schedule's proposals as report fields, left out when empty. */
function reported(schedule: FeedSchedule): { movedTo?: string; nextFetchAt?: Date } {
  return {
    ...(schedule.movedTo ? { movedTo: schedule.movedTo } : {}),
    ...(schedule.nextFetchAt ? { nextFetchAt: schedule.nextFetchAt } : {}),
  };
}
