import type { FeedRecord, HealthSettings, PlanetConfig } from '../model/index.ts';

const DAY_MS = 24 * 3600_000;

/** `[planet] activity_threshold`'s default, in days. */
export const DEFAULT_ACTIVITY_THRESHOLD = 180;

/** The `[health]` defaults, for a config built without the section (tests, older callers). */
export const defaultHealthSettings: HealthSettings = { hideAfterFailures: 0, hideAfterStaleDays: 0, deadAfterDays: 90 };

/** The config's health settings, its defaults filled in. */
export function healthSettingsOf(config: PlanetConfig): HealthSettings & { activityThreshold: number } {
  return { ...defaultHealthSettings, ...config.health, activityThreshold: config.planet.activityThreshold ?? DEFAULT_ACTIVITY_THRESHOLD };
}

/** Whole days from `then` to `now`, rounded down. */
export function daysBetween(then: Date, now: Date): number {
  return Math.floor((now.getTime() - then.getTime()) / DAY_MS);
}

/** True when `date` is more than `days` days before `now`; a threshold of 0 is off. */
export function olderThanDays(date: Date | undefined, days: number, now: Date): boolean {
  return days > 0 && date !== undefined && now.getTime() - date.getTime() > days * DAY_MS;
}

/**
 * Whether the health policy leaves a feed out of the river and the subscription list.
 * Decided afresh at every build from the feed's current state, so a feed that fetches
 * again (its failure count resets) or posts again (its newest entry is young) is back
 * at the next build without anyone editing the config.
 */
export function hiddenByPolicy(feed: FeedRecord, newestEntryAt: Date | undefined, settings: HealthSettings, now: Date): boolean {
  if (settings.hideAfterFailures > 0 && feed.consecutiveFailures >= settings.hideAfterFailures) return true;
  return olderThanDays(newestEntryAt, settings.hideAfterStaleDays, now);
}
