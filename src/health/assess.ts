import type { FeedHealth, FeedRecord, HealthRun, HealthStatus, HealthSuggestion, PlanetConfig } from '../model/index.ts';
import { advertisedFeedsOf } from './advertised.ts';
import { daysBetween, healthSettingsOf, hiddenByPolicy, olderThanDays } from './policy.ts';

/** One fetch attempt as the store's feed history keeps it (structurally its FetchHistoryRecord). */
export interface FetchHistoryRecordLike {
  at: Date;
  status: 'updated' | 'not-modified' | 'failed';
  errorCode?: string;
  newEntries: number;
}

/** What assessFeeds reads: all of it comes from the config and the store, none from the network. */
export interface HealthInput {
  config: PlanetConfig;
  /** The store's records; matched to the config's feeds by URL (others are ignored). */
  feeds: readonly FeedRecord[];
  /** Each feed's attempts by feed id, in any order. */
  history: ReadonlyMap<number, readonly FetchHistoryRecordLike[]>;
  /** Display date of each feed's newest shown entry, by feed id. */
  newestEntryAt: ReadonlyMap<number, Date>;
  now: Date;
}

// Most serious first: the order of FeedHealth.statuses.
const severity: readonly HealthStatus[] = ['gone', 'failing', 'html-not-feed', 'duplicate', 'redirected', 'stale', 'never-fetched'];

/** The health of every subscription in the config, in config order. */
export function assessFeeds(input: HealthInput): FeedHealth[] {
  const { config, now } = input;
  const settings = healthSettingsOf(config);
  const byUrl = new Map(input.feeds.map((feed) => [feed.url, feed]));
  const keepers = duplicateKeepers(config.feeds.map((f) => ({ url: f.url, movedTo: byUrl.get(f.url)?.movedTo, finalUrl: byUrl.get(f.url)?.finalUrl })));
  const subscribed = new Set(config.feeds.map((f) => f.url));

  const healths = config.feeds.map((subscription): FeedHealth => {
    const record = byUrl.get(subscription.url);
    const runs = record === undefined ? [] : runsOf(input.history.get(record.id) ?? []);
    const lastEntryAt = record === undefined ? undefined : input.newestEntryAt.get(record.id);
    const statuses = new Set<HealthStatus>();
    const health: FeedHealth = {
      url: subscription.url,
      name: subscription.name,
      statuses: [],
      consecutiveFailures: record?.consecutiveFailures ?? 0,
      runs,
      hidden: record !== undefined && hiddenByPolicy(record, lastEntryAt, settings, now),
    };
    if (record?.lastSuccessAt) health.lastSuccessAt = record.lastSuccessAt;
    if (lastEntryAt) health.lastEntryAt = lastEntryAt;
    if (record?.lastError) health.lastError = { ...record.lastError, ...lastFailureAt(runs) };
    if (record?.movedTo) health.movedTo = record.movedTo;
    if (subscription.readingList !== undefined) health.readingList = subscription.readingList;

    if (record === undefined || (record.lastFetchedAt === undefined && runs.length === 0)) statuses.add('never-fetched');
    if (record?.goneAt) statuses.add('gone');
    else if (health.consecutiveFailures > 0) statuses.add('failing');
    if (health.consecutiveFailures > 0 && record?.lastError?.code === 'html-not-feed') statuses.add('html-not-feed');
    if (record?.movedTo) statuses.add('redirected');
    const keeper = keepers.get(subscription.url);
    if (keeper !== undefined) {
      statuses.add('duplicate');
      health.duplicateOf = keeper;
    }
    if (olderThanDays(lastEntryAt, settings.activityThreshold, now)) statuses.add('stale');
    health.statuses = statuses.size === 0 ? ['ok'] : severity.filter((s) => statuses.has(s));

    const suggestion = record === undefined ? undefined : suggest(health, record, { subscribed, deadAfterDays: settings.deadAfterDays, now });
    if (suggestion !== undefined) health.suggestion = suggestion;
    return health;
  });
  return withoutClashes(healths);
}

/**
 * Two suggestions may name one new URL (two pages advertising the same feed, a page whose feed
 * another subscription moved to): applied together they would subscribe it twice, so the first
 * in config order keeps its edit and the later ones become removals.
 */
function withoutClashes(healths: FeedHealth[]): FeedHealth[] {
  const claimedBy = new Map<string, string>();
  for (const health of healths) {
    const target = health.suggestion?.newUrl;
    if (target === undefined) continue;
    const earlier = claimedBy.get(target);
    if (earlier === undefined) claimedBy.set(target, health.url);
    else health.suggestion = { action: 'remove', url: health.url, reason: `leads to ${target}, which ${earlier} is already being moved to` };
  }
  return healths;
}

/**
 * Subscriptions that lead to the same feed: their URL, where a permanent redirect moved them,
 * or where their last successful fetch landed after temporary redirects, is the same. Maps each
 * duplicate to the one to keep: the one already at that URL, else the first in config order.
 */
function duplicateKeepers(feeds: readonly { url: string; movedTo?: string; finalUrl?: string }[]): Map<string, string> {
  const groups = new Map<string, string[]>();
  for (const feed of feeds) {
    const target = feed.movedTo ?? feed.finalUrl ?? feed.url;
    groups.set(target, [...(groups.get(target) ?? []), feed.url]);
  }
  const keepers = new Map<string, string>();
  for (const [target, urls] of groups) {
    if (urls.length < 2) continue;
    const keeper = urls.includes(target) ? target : (urls[0] as string);
    for (const url of urls) if (url !== keeper) keepers.set(url, keeper);
  }
  return keepers;
}

/** The attempts oldest first, reduced to what a sparkline shows. */
function runsOf(history: readonly FetchHistoryRecordLike[]): HealthRun[] {
  return [...history]
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((h) => ({ at: h.at, outcome: h.status, newEntries: h.newEntries, ...(h.errorCode === undefined ? {} : { errorCode: h.errorCode }) }));
}

function lastFailureAt(runs: readonly HealthRun[]): { at?: Date } {
  const failed = runs.findLast((run) => run.outcome === 'failed');
  return failed === undefined ? {} : { at: failed.at };
}

/**
 * The one config edit that fixes the feed, most certain first: a 410 or a duplicate is
 * removed; an HTML page is replaced by the feed it advertises (or removed when that feed
 * is subscribed already); a feed failing for dead_after_days is removed; a 301/308 is
 * followed. Stale feeds get none: quiet authors come back, the maintainer decides.
 */
function suggest(
  health: FeedHealth,
  record: FeedRecord,
  context: { subscribed: ReadonlySet<string>; deadAfterDays: number; now: Date },
): HealthSuggestion | undefined {
  const url = health.url;
  if (record.goneAt) {
    return { action: 'remove', url, reason: `answered 410 Gone on ${day(record.goneAt)}: the publisher removed the feed` };
  }
  if (health.duplicateOf !== undefined) {
    const via =
      health.movedTo !== undefined ? ` (it moved permanently to ${health.movedTo})` : record.finalUrl !== undefined ? ` (both lead to ${record.finalUrl})` : '';
    return { action: 'remove', url, reason: `the same feed as ${health.duplicateOf}${via}, which stays subscribed` };
  }
  if (health.statuses.includes('html-not-feed')) {
    const [advertised] = advertisedFeedsOf(record.lastError?.message ?? '');
    if (advertised !== undefined && context.subscribed.has(advertised)) {
      return { action: 'remove', url, reason: `a web page whose feed ${advertised} is already subscribed` };
    }
    if (advertised !== undefined) {
      return { action: 'use-feed-url', url, newUrl: advertised, reason: `a web page, not a feed; it advertises ${advertised}` };
    }
  }
  const failingSince = health.consecutiveFailures > 0 ? (record.lastSuccessAt ?? health.runs[0]?.at) : undefined;
  if (failingSince !== undefined && daysBetween(failingSince, context.now) >= context.deadAfterDays) {
    const since = record.lastSuccessAt === undefined ? `never fetched successfully (first tried ${day(failingSince)})` : `last fetched successfully on ${day(failingSince)}`;
    return { action: 'remove', url, reason: `failing for ${daysBetween(failingSince, context.now)} days, ${since}; [health] dead_after_days is ${context.deadAfterDays}` };
  }
  if (record.movedTo !== undefined) {
    return { action: 'replace-url', url, newUrl: record.movedTo, reason: `moved permanently (HTTP 301/308) to ${record.movedTo}` };
  }
  return undefined;
}

const day = (date: Date): string => date.toISOString().slice(0, 10);
