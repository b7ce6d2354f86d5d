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
      return `updated      ${name}: ${report.newEntries} new, ${report.updatedEntries} changed${filteredCount(report)} (${report.ms} ms)${moved(report)}`;
    case 'not-modified':
      return `not-modified ${name} (${report.ms} ms)${moved(report)}`;
    case 'failed':
      return `failed       ${name}: ${report.error?.message ?? 'unknown error'} [${report.error?.code ?? 'internal'}]${moved(report)}`;
    case 'skipped-backoff':
      return `skipped      ${name}: backing off until ${report.nextFetchAt?.toISOString() ?? 'later'} (--force fetches it now)`;
    case 'gone':
      return report.error === undefined
        ? `gone         ${name}: answered 410 Gone earlier; not fetched (remove it from planet.toml, or --force)`
        : `gone         ${name}: ${report.error.message} [${report.error.code}]`;
  }
}

/** One line per reading list: how many feeds it added, or why it could not be read and what is used instead. */
export function readingListLines(report: UpdateReport): string[] {
  return (report.readingLists ?? []).map((list) => {
    const counted = `${plural(list.feeds, 'feed')}${list.duplicates > 0 ? ` (${list.duplicates} already subscribed)` : ''}`;
    const error = list.error === undefined ? '' : `${list.error.message} [${list.error.code}]`;
    switch (list.status) {
      case 'updated':
      case 'not-modified':
        return `reading list ${list.url}: ${counted}${list.status === 'not-modified' ? ', unchanged' : ''}`;
      case 'cached':
        return `reading list ${list.url}: ${error}; using the copy read ${list.copyFrom?.toISOString() ?? 'earlier'} (${counted})`;
      case 'failed':
        return `reading list ${list.url}: ${error}; no copy kept yet, so its feeds are left out this run`;
    }
  });
}

/** How many entries the filters left out of a feed line, if any. */
function filteredCount(report: FeedReport): string {
  const n = report.dropped?.length ?? 0;
  return n === 0 ? '' : `, ${n} filtered out`;
}

/** Why entries were filtered out, per feed: the first few with their reasons, so an author can see why a post is missing. */
export function filteredLines(report: UpdateReport, shown = 3): string[] {
  return report.feeds.flatMap((feed) => {
    const dropped = feed.dropped ?? [];
    if (dropped.length === 0) return [];
    const listed = dropped.slice(0, shown).map((entry) => `"${entry.title ?? entry.link ?? entry.id}" (${entry.reason})`);
    const more = dropped.length > shown ? `; and ${dropped.length - shown} more` : '';
    return [`filtered     ${feed.name} <${feed.url}>: left out ${listed.join('; ')}${more}`];
  });
}

/** The permanent-redirect proposal of a feed line, if any. */
function moved(report: FeedReport): string {
  return report.movedTo === undefined ? '' : `; moved permanently to ${report.movedTo} (put that URL in planet.toml)`;
}

export function updateSummary(report: UpdateReport): string {
  const t = report.totals;
  return (
    `update: ${plural(report.feeds.length, 'feed')} in ${(report.ms / 1000).toFixed(1)} s: ` +
    `${t.updated} updated, ${t.notModified} not modified, ${t.failed} failed, ` +
    `${t.skippedBackoff} skipped (backoff), ${t.gone} gone; ` +
    `${t.newEntries} new and ${t.updatedEntries} changed entries` +
    (t.filtered > 0 ? `; ${t.filtered} filtered out` : '')
  );
}

export function buildSummary(report: BuildReport): string {
  return `build: published ${report.entries} entries from ${plural(report.feeds, 'feed')} to ${report.outputDir}`;
}

/** Notes on the entry lifecycle after an update: filtered entries, duplicate subscriptions and expunged entries. */
export function lifecycleLines(report: UpdateReport): string[] {
  const lines = [...readingListLines(report), ...filteredLines(report)];
  lines.push(...report.duplicates.map(
    (d) => `duplicate    ${d.urls.join(' and ')} all lead to ${d.finalUrl}; keep one of them in planet.toml`,
  ));
  const n = report.expunged;
  if (n > 0) lines.push(`expunge: removed ${n} old ${n === 1 ? 'entry' : 'entries'} ([entries] keep_days)`);
  const unreached = report.avatarsUnreached;
  if (unreached > 0) {
    lines.push(`avatars: ${plural(unreached, 'feed')} not checked within the avatar pass's time limit (one [fetch] timeout); their pictures are checked on the next run`);
  }
  return lines;
}
