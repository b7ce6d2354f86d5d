/** The longest interval a duration may name: a planet refreshed less often than daily is a cron job, not a daemon. */
const maxDurationMs = 24 * 3_600_000;

const unitMs: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Reads a duration written as a whole number and a unit, "90s", "30m" or "2h", as
 * milliseconds; undefined when it is not one, is zero, or is longer than a day.
 */
export function parseDuration(text: string): number | undefined {
  const match = /^\s*(\d{1,6})\s*([smh])\s*$/.exec(text);
  if (match === null) return undefined;
  const ms = Number(match[1]) * (unitMs[match[2] as string] as number);
  return ms > 0 && ms <= maxDurationMs ? ms : undefined;
}

/** A duration as people say it: "90s", "30m", "2h", "1h 30m". */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const parts: string[] = [];
  if (seconds >= 3600) parts.push(`${Math.floor(seconds / 3600)}h`);
  if (seconds % 3600 >= 60) parts.push(`${Math.floor((seconds % 3600) / 60)}m`);
  if (seconds % 60 > 0 || parts.length === 0) parts.push(`${seconds % 60}s`);
  return parts.join(' ');
}
