import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { FeedReport, UpdateReport } from '../pipeline/index.ts';

/** Version of the report's shape; docs/report-schema.json describes it. */
export const REPORT_VERSION = 1;

/** One feed in the run report (docs/report-schema.json). */
export interface ReportFeed {
  url: string;
  name: string;
  status: FeedReport['status'];
  httpStatus: number | null;
  error: { code: string; message: string } | null;
  redirects: { from: string; to: string; status: number }[];
  /** A permanent redirect's target: the URL to put in planet.toml. */
  movedTo: string | null;
  newEntries: number;
  updatedEntries: number;
  bytes: number;
  ms: number;
  nextFetchAt: string | null;
  /** Entries the filters kept out of the store this run, with the reason. */
  filtered: { id: string; title: string | null; link: string | null; reason: string }[];
}

/** The JSON `--report FILE` writes. */
export interface RunReport {
  version: number;
  generatedAt: string;
  ms: number;
  feeds: ReportFeed[];
  /** avatarsUnreached: feeds whose avatar check the pass's time limit cut short (checked next run). */
  totals: UpdateReport['totals'] & { feeds: number; bytes: number; avatarsUnreached: number };
  /** What happened to each reading list (absent without lists). */
  readingLists?: ReportReadingList[];
}

/** One reading list in the run report. */
export interface ReportReadingList {
  url: string;
  status: 'updated' | 'not-modified' | 'cached' | 'failed';
  feeds: number;
  duplicates: number;
  error: { code: string; message: string } | null;
  copyFrom: string | null;
}

/** The run report of an update, as plain JSON-ready data (absent values are null, never missing). */
export function toRunReport(report: UpdateReport, now: Date): RunReport {
  const feeds = report.feeds.map(
    (feed): ReportFeed => ({
      url: feed.url,
      name: feed.name,
      status: feed.status,
      httpStatus: feed.httpStatus ?? null,
      error: feed.error === undefined ? null : { code: feed.error.code, message: feed.error.message },
      redirects: feed.redirects.map(({ from, to, status }) => ({ from, to, status })),
      movedTo: feed.movedTo ?? null,
      newEntries: feed.newEntries,
      updatedEntries: feed.updatedEntries,
      bytes: feed.bytes,
      ms: feed.ms,
      nextFetchAt: feed.nextFetchAt?.toISOString() ?? null,
      filtered: (feed.dropped ?? []).map(({ id, title, link, reason }) => ({ id, title: title ?? null, link: link ?? null, reason })),
    }),
  );
  const bytes = feeds.reduce((sum, feed) => sum + feed.bytes, 0);
  return {
    version: REPORT_VERSION,
    generatedAt: now.toISOString(),
    ms: report.ms,
    feeds,
    totals: { feeds: feeds.length, ...report.totals, bytes, avatarsUnreached: report.avatarsUnreached },
    ...(report.readingLists !== undefined && {
      readingLists: report.readingLists.map((list) => ({
        url: list.url,
        status: list.status,
        feeds: list.feeds,
        duplicates: list.duplicates,
        error: list.error ?? null,
        copyFrom: list.copyFrom?.toISOString() ?? null,
      })),
    }),
  };
}

/** Writes the run report to `path` (directories created); returns the absolute path written. */
export async function writeRunReport(path: string, report: UpdateReport, now: Date = new Date()): Promise<string> {
  const file = resolve(path);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(toRunReport(report, now), null, 2)}\n`);
  return file;
}
