/** No feed waits longer than this for its next fetch, whatever backoff, Retry-After or TTL say. */
export const MAX_DELAY_MS = 24 * 60 * 60 * 1000;

/** The wait after a first failure; it doubles with each further one in a row. */
export const BACKOFF_BASE_MS = 30 * 60 * 1000;

/** Share of a backoff delay taken off at random, so feeds that failed together do not retry in lockstep. */
const JITTER = 0.2;

/**
 * A Retry-After header as an instant: delay-seconds or an HTTP-date
 * (https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3); undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: Date): Date | undefined {
  const text = value?.trim();
  if (text === undefined || text === '') return undefined;
  if (/^\d+$/.test(text)) return new Date(now.getTime() + Number(text) * 1000);
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/** Cache-Control max-age in seconds (https://www.rfc-editor.org/rfc/rfc9111#section-5.2.2.1); undefined when absent. */
export function parseMaxAge(cacheControl: string | undefined): number | undefined {
  const match = /(?:^|,)\s*max-age\s*=\s*"?(\d+)"?\s*(?:,|$)/i.exec(cacheControl ?? '');
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** The jittered wait after `failures` failures in a row: 30 min, 1 h, 2 h ... capped at 24 h. */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const full = Math.min(MAX_DELAY_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(full * (1 - JITTER * random()));
}

/** What decides when a feed may next be fetched. */
export interface ScheduleInput {
  now: Date;
  /** Failures in a row including this attempt; 0 after a success. */
  failures: number;
  /** When the server asked us to come back (429/503). */
  retryAfter?: Date;
  /** The feed's own minimum refresh interval in seconds (max-age, ttl, sy:updatePeriod), when respected. */
  minIntervalSeconds?: number;
  random?: () => number;
}

/** When a feed may next be fetched after an attempt; undefined means at the next run. */
export function nextFetchAt(input: ScheduleInput): Date | undefined {
  const now = input.now.getTime();
  let delay = 0;
  if (input.failures > 0) delay = backoffDelay(input.failures, input.random);
  if (input.retryAfter !== undefined) delay = Math.max(delay, input.retryAfter.getTime() - now);
  if (input.minIntervalSeconds !== undefined) delay = Math.max(delay, input.minIntervalSeconds * 1000);
  delay = Math.min(delay, MAX_DELAY_MS);
  return delay > 0 ? new Date(now + delay) : undefined;
}
