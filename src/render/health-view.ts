import type { FeedHealth, HealthRun, HealthStatus } from '../model/index.ts';
import { isValidDate } from './dates.ts';
import type { DateFormatter } from './dates.ts';
import { stripForbiddenXmlChars } from './xml-text.ts';
import type { FeedHealthView, FeedView, HealthPageView, PageView, SparklineView } from './view-model.ts';

/** Most serious first: the order the page lists feeds in and the first status names a feed's class. */
const severity: readonly HealthStatus[] = ['gone', 'failing', 'html-not-feed', 'redirected', 'duplicate', 'stale', 'never-fetched', 'ok'];

/** Runs a sparkline shows: a month of daily runs, or a day and a half of half-hourly ones. */
export const sparklineRuns = 30;

const bar = { width: 4, gap: 2, height: 20 };

// Colours readable on light and dark backgrounds alike; the label and each bar's title carry
// the same facts in words, so nothing depends on telling the colours apart.
const fills = { failed: '#c62828', news: '#2e7d32', quiet: '#7cb342' } as const;

/** The health page's view: every feed (hidden ones too), most serious first, then by name. */
export function healthPageView(health: readonly FeedHealth[], feedsByUrl: ReadonlyMap<string, FeedView>, dates: DateFormatter): HealthPageView {
  const feeds = health.map((h) => feedHealthView(h, feedsByUrl.get(h.url), dates)).sort(bySeverity);
  const counts = severity.flatMap((status) => {
    const count = feeds.filter((f) => f.statuses.includes(status)).length;
    return count === 0 ? [] : [{ status, count }];
  });
  const page: PageView = { kind: 'health', path: 'health.html', href: 'health.html', root: '', title: 'Feed health', entries: [], days: [] };
  return { page, feeds, counts };
}

function feedHealthView(health: FeedHealth, feed: FeedView | undefined, dates: DateFormatter): FeedHealthView {
  const statuses = [...new Set(health.statuses)].sort((a, b) => rank(a) - rank(b));
  if (statuses.length === 0) statuses.push('ok');
  const view: FeedHealthView = {
    name: stripForbiddenXmlChars(health.name),
    url: health.url,
    statuses,
    status: statuses[0] as string,
    label: statuses.map((s) => (s === 'failing' && health.consecutiveFailures > 0 ? `failing (${runsInWords(health.consecutiveFailures)} in a row)` : s)).join(', '),
    consecutiveFailures: health.consecutiveFailures,
    hidden: health.hidden,
    sparkline: sparkline(health.runs.slice(-sparklineRuns), dates),
  };
  if (feed !== undefined) view.feed = feed;
  const date = (at: Date | undefined) => (at !== undefined && isValidDate(at) ? dates.date(at) : undefined);
  const lastSuccess = date(health.lastSuccessAt);
  if (lastSuccess !== undefined) view.lastSuccess = lastSuccess;
  const lastEntry = date(health.lastEntryAt);
  if (lastEntry !== undefined) view.lastEntry = lastEntry;
  if (health.lastError !== undefined) {
    const at = date(health.lastError.at);
    view.lastError = { code: health.lastError.code, message: stripForbiddenXmlChars(health.lastError.message), ...(at !== undefined && { at }) };
  }
  if (health.suggestion !== undefined) view.suggestion = stripForbiddenXmlChars(health.suggestion.reason);
  return view;
}

/** The runs as bars: failures full height, runs with new entries tall, quiet successes short. */
export function sparkline(runs: readonly HealthRun[], dates: DateFormatter): SparklineView {
  const failed = runs.filter((r) => r.outcome === 'failed').length;
  const ok = runs.length - failed;
  const bars = runs.map((run, i) => {
    const news = run.outcome !== 'failed' && run.newEntries > 0;
    const height = run.outcome === 'failed' ? bar.height : news ? Math.round(bar.height * 0.7) : Math.round(bar.height * 0.4);
    const when = isValidDate(run.at) ? `${dates.date(run.at).display}: ` : '';
    return {
      x: i * (bar.width + bar.gap),
      y: bar.height - height,
      width: bar.width,
      height,
      outcome: run.outcome,
      fill: run.outcome === 'failed' ? fills.failed : news ? fills.news : fills.quiet,
      title: when + runInWords(run),
    };
  });
  const label = runs.length === 0 ? 'no runs yet' : `last ${runsInWords(runs.length)}: ${ok} ok, ${failed} failed`;
  return { width: Math.max(1, runs.length * (bar.width + bar.gap) - bar.gap), height: bar.height, bars, label, total: runs.length, ok, failed };
}

function runInWords(run: HealthRun): string {
  if (run.outcome === 'failed') return `failed${run.errorCode === undefined ? '' : ` (${run.errorCode})`}`;
  const news = run.newEntries === 1 ? '1 new entry' : `${run.newEntries} new entries`;
  return run.outcome === 'not-modified' ? 'ok, not modified' : `ok, ${news}`;
}

function runsInWords(n: number): string {
  return n === 1 ? '1 run' : `${n} runs`;
}

function rank(status: string): number {
  const i = severity.indexOf(status as HealthStatus);
  return i < 0 ? severity.length : i;
}

const collator = new Intl.Collator('en', { sensitivity: 'base' });

function bySeverity(a: FeedHealthView, b: FeedHealthView): number {
  return rank(a.status) - rank(b.status) || collator.compare(a.name, b.name) || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
}
