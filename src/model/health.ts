/**
 * How a feed is doing, as `planet health`, the health page and the health policy see it.
 * One vocabulary for the CLI, docs/report-schema.json and the themes.
 */

/** A feed's standing; a feed can be in several at once (e.g. redirected and stale). */
export type HealthStatus =
  | 'ok'
  | 'failing'
  | 'gone'
  | 'stale'
  | 'redirected'
  | 'duplicate'
  | 'html-not-feed'
  | 'never-fetched';

/** The config edit `planet health` proposes and `--fix` applies. */
export interface HealthSuggestion {
  action: 'remove' | 'replace-url' | 'use-feed-url';
  /** The feed's URL as the config has it. */
  url: string;
  /** The URL to put in its place (replace-url, use-feed-url). */
  newUrl?: string;
  /** One sentence a maintainer can act on. */
  reason: string;
}

/** One fetch attempt, reduced to what a sparkline needs. */
export interface HealthRun {
  at: Date;
  outcome: 'updated' | 'not-modified' | 'failed';
  /** New entries the attempt added. */
  newEntries: number;
  errorCode?: string;
}

/** One feed's health. */
export interface FeedHealth {
  url: string;
  name: string;
  /** Every status that applies, most serious first; ['ok'] when none of the others does. */
  statuses: HealthStatus[];
  consecutiveFailures: number;
  lastSuccessAt?: Date;
  /** Display date of the feed's newest entry. */
  lastEntryAt?: Date;
  lastError?: { code: string; message: string; at?: Date };
  /** The URL a permanent redirect moved the feed to. */
  movedTo?: string;
  /** Another subscription that resolves to the same feed (duplicate). */
  duplicateOf?: string;
  suggestion?: HealthSuggestion;
  /** The last attempts, oldest first (for the sparkline). */
  runs: HealthRun[];
  /** Left out of the river and the subscription list by the health policy. */
  hidden: boolean;
  /** The reading list this subscription came from: its fix belongs in that list, not the config. */
  readingList?: string;
}
