import type { BuildReport, FeedReport, UpdateReport } from '../pipeline/index.ts';

/** Where a command writes: injected so tests can read what a user would see. */
export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One plain line per feed, readable in a cron mail. */
export function feedLine(report: FeedReport): string {
  const name = `${report.name} <${report.url}>`;
  switch (report.status) {
    case 'updated':
      return `updated      ${name}: ${report.newEntries} new, ${report.updatedEntries} changed (${report.ms} ms)`;
    case 'not-modified':
      return `not-modified ${name} (${report.ms} ms)`;
    case 'failed':
      return `failed       ${name}: ${report.error?.message ?? 'unknown error'} [${report.error?.code ?? 'internal'}]`;
  }
}

export function updateSummary(report: UpdateReport): string {
  const t = report.totals;
  return (
    `update: ${plural(report.feeds.length, 'feed')} in ${(report.ms / 1000).toFixed(1)} s: ` +
    `${t.updated} updated, ${t.notModified} not modified, ${t.failed} failed; ` +
    `${t.newEntries} new and ${t.updatedEntries} changed entries`
  );
}

export function buildSummary(report: BuildReport): string {
  return `build: published ${report.entries} entries from ${plural(report.feeds, 'feed')} to ${report.outputDir}`;
}
