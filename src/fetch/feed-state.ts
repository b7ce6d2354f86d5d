import { FetchError } from '../model/index.ts';
import type { FeedRecord } from '../model/index.ts';
import { feedRefreshSeconds } from './freshness.ts';
import { permanentMove } from './redirects.ts';
import { nextFetchAt } from './schedule.ts';
import type { FetchResult } from './types.ts';

/** Why a feed is left alone this run. */
export type SkipReason = 'skipped-backoff' | 'gone';

/** The scheduling state an attempt leaves on the feed row; `undefined` leaves a column as it is. */
export interface FeedSchedule {
  nextFetchAt: Date | null;
  goneAt?: Date | null;
  movedTo?: string | null;
  refreshSeconds?: number | null;
}

/** Why `feed` is not fetched at `now`, or undefined when it is due; `force` fetches everything. */
export function skipReason(feed: FeedRecord, now: Date, force: boolean): SkipReason | undefined {
  if (force) return undefined;
  if (feed.goneAt !== undefined) return 'gone';
  if (feed.nextFetchAt !== undefined && feed.nextFetchAt.getTime() > now.getTime()) return 'skipped-backoff';
  return undefined;
}

/** The URL to fetch: where a permanent redirect moved the feed when moves are applied, else its configured URL. */
export function fetchUrlOf(feed: FeedRecord, applyPermanentRedirects: boolean): string {
  return applyPermanentRedirects && feed.movedTo !== undefined ? feed.movedTo : feed.url;
}

/**
 * What a successful fetch (200 or 304) leaves: failures reset, gone cleared, the move proposal
 * refreshed, and with `respectFeedTtl` the feed's own interval (max-age, or the document's ttl,
 * remembered from its last 200 since a 304 has no body) as the earliest next fetch.
 */
export function scheduleAfterSuccess(
  feed: FeedRecord,
  result: FetchResult,
  options: { now: Date; fetchedUrl: string; respectFeedTtl: boolean },
): FeedSchedule {
  const moved = permanentMove(result.redirects);
  // Fetched from an applied move without a further redirect: the move still stands.
  const movedTo = moved ?? (options.fetchedUrl === feed.url ? null : (feed.movedTo ?? null));
  const documentSeconds = result.kind === 'ok' ? feedRefreshSeconds(result.body) : feed.refreshSeconds;
  const hints = [result.maxAgeSeconds, documentSeconds].filter((seconds): seconds is number => seconds !== undefined);
  const minIntervalSeconds = options.respectFeedTtl && hints.length > 0 ? Math.max(...hints) : undefined;
  return {
    nextFetchAt: nextFetchAt({ now: options.now, failures: 0, minIntervalSeconds }) ?? null,
    goneAt: null,
    movedTo: movedTo === feed.url ? null : movedTo,
    ...(result.kind === 'ok' ? { refreshSeconds: documentSeconds ?? null } : {}),
  };
}

/** What a failed attempt leaves: backoff by failures in a row, Retry-After honoured, 410 marks the feed gone. */
export function scheduleAfterFailure(feed: FeedRecord, error: unknown, now: Date): FeedSchedule {
  const fetchError = error instanceof FetchError ? error : undefined;
  const schedule: FeedSchedule = {
    nextFetchAt:
      nextFetchAt({ now, failures: feed.consecutiveFailures + 1, retryAfter: fetchError?.retryAfter }) ?? null,
  };
  if (fetchError?.httpStatus === 410) schedule.goneAt = now;
  return schedule;
}
