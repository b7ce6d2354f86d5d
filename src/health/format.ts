import type { FeedHealth, HealthStatus, HealthSuggestion } from '../model/index.ts';

/** Version of the health report's shape; docs/report-schema.json ($defs/healthReport) describes it. */
export const HEALTH_REPORT_VERSION = 1;

/** One feed in `planet health --json`: absent values are null, never missing. */
export interface HealthReportFeed {
  url: string;
  name: string;
  /** The most serious of `statuses`. */
  status: HealthStatus;
  statuses: HealthStatus[];
  consecutiveFailures: number;
  lastSuccessAt: string | null;
  lastEntryAt: string | null;
  lastError: { code: string; message: string; at: string | null } | null;
  movedTo: string | null;
  duplicateOf: string | null;
  suggestion: { action: HealthSuggestion['action']; url: string; newUrl: string | null; reason: string } | null;
  hidden: boolean;
  /** The reading list the subscription came from (its fix belongs there), else null. */
  readingList: string | null;
  runs: { at: string; outcome: 'updated' | 'not-modified' | 'failed'; newEntries: number; errorCode: string | null }[];
}

/** What `planet health --json` prints. */
export interface HealthReport {
  kind: 'health';
  version: number;
  generatedAt: string;
  feeds: HealthReportFeed[];
  /** Feeds per status (a feed counts once for each status it has), and the suggestions made. */
  totals: Record<'feeds' | 'ok' | 'failing' | 'gone' | 'stale' | 'redirected' | 'duplicate' | 'htmlNotFeed' | 'neverFetched' | 'hidden' | 'suggestions', number>;
}

const iso = (date: Date | undefined): string | null => date?.toISOString() ?? null;

/** The health of every feed as JSON-ready data (docs/report-schema.json). */
export function toHealthReport(healths: readonly FeedHealth[], now: Date): HealthReport {
  const feeds = healths.map(
    (h): HealthReportFeed => ({
      url: h.url,
      name: h.name,
      status: h.statuses[0] ?? 'ok',
      statuses: h.statuses,
      consecutiveFailures: h.consecutiveFailures,
      lastSuccessAt: iso(h.lastSuccessAt),
      lastEntryAt: iso(h.lastEntryAt),
      lastError: h.lastError === undefined ? null : { code: h.lastError.code, message: h.lastError.message, at: iso(h.lastError.at) },
      movedTo: h.movedTo ?? null,
      duplicateOf: h.duplicateOf ?? null,
      suggestion: h.suggestion === undefined ? null : { ...h.suggestion, newUrl: h.suggestion.newUrl ?? null },
      hidden: h.hidden,
      readingList: h.readingList ?? null,
      runs: h.runs.map((run) => ({ at: run.at.toISOString(), outcome: run.outcome, newEntries: run.newEntries, errorCode: run.errorCode ?? null })),
    }),
  );
  const count = (status: HealthStatus): number => healths.filter((h) => h.statuses.includes(status)).length;
  return {
    kind: 'health',
    version: HEALTH_REPORT_VERSION,
    generatedAt: now.toISOString(),
    feeds,
    totals: {
      feeds: healths.length,
      ok: count('ok'),
      failing: count('failing'),
      gone: count('gone'),
      stale: count('stale'),
      redirected: count('redirected'),
      duplicate: count('duplicate'),
      htmlNotFeed: count('html-not-feed'),
      neverFetched: count('never-fetched'),
      hidden: healths.filter((h) => h.hidden).length,
      suggestions: healths.filter((h) => h.suggestion !== undefined).length,
    },
  };
}

/** "failing 3 runs, redirected": the statuses as a maintainer reads them. */
export function statusLabel(health: FeedHealth): string {
  const n = health.consecutiveFailures;
  const words = health.statuses.map((s) => (s === 'failing' ? `failing ${n} run${n === 1 ? '' : 's'}` : s));
  return health.hidden ? `${words.join(', ')} (hidden)` : words.join(', ');
}

const MESSAGE_CHARS = 100;

/** A table of one line per feed, then a summary line and the suggested edits. */
export function healthLines(healths: readonly FeedHealth[]): string[] {
  const day = (date: Date | undefined): string => date?.toISOString().slice(0, 10) ?? '-';
  const rows = healths.map((h) => {
    const error = h.lastError === undefined || h.statuses[0] === 'ok' ? '' : `  [${h.lastError.code}] ${clip(withoutUrl(h.lastError.message, h.url))}`;
    return [statusLabel(h), day(h.lastSuccessAt), day(h.lastEntryAt), `${h.name} <${h.url}>${error}`];
  });
  const header = ['STATUS', 'LAST OK', 'LAST ENTRY', 'FEED'];
  const widths = header.slice(0, 3).map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: string[]): string => cells.map((cell, i) => (i < 3 ? cell.padEnd(widths[i] as number) : cell)).join('  ').trimEnd();
  const lines = [line(header), ...rows.map(line), summaryLine(healths)];
  const suggested = healths.filter((h) => h.suggestion !== undefined);
  if (suggested.length > 0) {
    lines.push('', 'suggested config edits (`planet health --fix` applies them):');
    for (const { suggestion: s, readingList } of suggested) {
      if (s === undefined) continue;
      const where = readingList === undefined ? '' : ` (listed by the reading list ${readingList}: edit it there; --fix leaves it)`;
      lines.push(`  ${s.action.padEnd(12)} ${s.url}${s.newUrl === undefined ? '' : ` -> ${s.newUrl}`}: ${s.reason}${where}`);
    }
  }
  return lines;
}

/** "health: 7 feeds: 2 ok, 1 failing, ...": the counts that are not zero. */
export function summaryLine(healths: readonly FeedHealth[]): string {
  const counts = new Map<string, number>();
  for (const h of healths) for (const s of h.statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  const hidden = healths.filter((h) => h.hidden).length;
  const parts = [...counts].map(([status, n]) => `${n} ${status}`);
  if (hidden > 0) parts.push(`${hidden} hidden by [health]`);
  return `health: ${healths.length} feed${healths.length === 1 ? '' : 's'}: ${parts.join(', ') || 'none'}`;
}

/** "fetch: URL answered HTTP 500" -> "answered HTTP 500": the row names the feed already. */
function withoutUrl(message: string, url: string): string {
  const prefix = /^[a-z]+: /.exec(message)?.[0] ?? '';
  return message.startsWith(`${prefix}${url} `) ? message.slice(prefix.length + url.length + 1) : message;
}

function clip(message: string): string {
  const oneLine = message.replace(/\s+/g, ' ');
  return oneLine.length <= MESSAGE_CHARS ? oneLine : `${oneLine.slice(0, MESSAGE_CHARS - 1)}…`;
}
