import { readFile } from 'node:fs/promises';
import type { HttpClient } from '../fetch/index.ts';
import { createHttpClient } from '../fetch/index.ts';
import type { FeedConfig, PlanetConfig, ReadingListConfig, Validators } from '../model/index.ts';
import { toErrorRecord } from '../model/index.ts';
import type { ListedFeed } from '../readinglist/index.ts';
import { parseReadingList } from '../readinglist/index.ts';
import type { ReadingListCopy, Store } from '../store/index.ts';

/** What happened to one reading list in one update. */
export interface ReadingListReport {
  url: string;
  /** updated: read now; not-modified: the server said 304; cached: this read failed and the last good copy was used; failed: no copy at all. */
  status: 'updated' | 'not-modified' | 'cached' | 'failed';
  /** Feeds the list (or its copy) names. */
  feeds: number;
  /** Of those, feeds also in [[feeds]] or in an earlier list, which keep that entry. */
  duplicates: number;
  /** Why this read failed (statuses cached and failed). */
  error?: { code: string; message: string };
  /** When the copy in use was read (status cached). */
  copyFrom?: Date;
}

/**
 * Where the last good copies live: the store (migration 0007), so every machine sharing the
 * database, and its backups, have them.
 */
type CopyStore = Pick<Store, 'listReadingLists' | 'saveReadingList'>;

/**
 * The config with its reading lists' feeds added after [[feeds]] (a feed in both keeps its
 * [[feeds]] table; a feed in two lists, the first list's entry). With a client, each list is read
 * now (HTTP with conditional GET, or the file); without one (`planet build`), from the last good
 * copy in `store`. A list that cannot be read keeps its last good copy, and the failure is
 * reported; it is never fatal. `store` is undefined only where no database exists yet (no copies).
 */
export async function withReadingLists(
  config: PlanetConfig,
  store: CopyStore | undefined,
  options: { client?: HttpClient; now?: () => Date } = {},
): Promise<{ config: PlanetConfig; reports: ReadingListReport[] }> {
  const lists = config.readingLists ?? [];
  if (lists.length === 0) return { config, reports: [] };
  const copies = new Map((store === undefined ? [] : await store.listReadingLists()).map((copy) => [copy.url, copy]));
  const seen = new Set(config.feeds.map((feed) => feed.url));
  const added: FeedConfig[] = [];
  const reports: ReadingListReport[] = [];
  for (const list of lists) {
    const { report, feeds } = await readList(list, copies.get(list.url), store, options);
    let duplicates = 0;
    for (const listed of feeds) {
      if (seen.has(listed.url)) {
        duplicates++;
        continue;
      }
      seen.add(listed.url);
      added.push({ url: listed.url, name: listed.name ?? new URL(listed.url).hostname, readingList: list.url });
    }
    reports.push({ ...report, feeds: feeds.length, duplicates });
  }
  return { config: Object.freeze({ ...config, feeds: Object.freeze([...config.feeds, ...added]) }), reports };
}

type ReadOutcome = { report: Omit<ReadingListReport, 'feeds' | 'duplicates'>; feeds: ListedFeed[] };

async function readList(
  list: ReadingListConfig,
  cached: ReadingListCopy | undefined,
  store: CopyStore | undefined,
  options: { client?: HttpClient; now?: () => Date },
): Promise<ReadOutcome> {
  const isHttp = /^https?:\/\//i.test(list.url);
  // `planet build` works offline: a URL's list comes from its copy; a local file is read as usual.
  if (options.client === undefined && isHttp) {
    if (cached === undefined) return { report: { url: list.url, status: 'failed', error: { code: 'reading-list', message: `reading list ${list.url}: not read yet; run planet update` } }, feeds: [] };
    return { report: { url: list.url, status: 'not-modified' }, feeds: parseReadingList(cached.body, { location: list.url, format: cached.format, base: list.url }).feeds };
  }
  try {
    let body: string;
    let validators: Validators = {};
    if (isHttp) {
      const client = options.client as HttpClient;
      const result = await client.fetchFeed({ url: list.url, validators: cached?.validators ?? {} });
      if (result.kind === 'not-modified' && cached !== undefined) {
        return { report: { url: list.url, status: 'not-modified' }, feeds: parseReadingList(cached.body, { location: list.url, format: cached.format, base: list.url }).feeds };
      }
      if (result.kind === 'not-modified') throw new Error('answered 304 Not Modified but no copy is kept; it is fetched whole next time');
      body = result.body.toString('utf8');
      validators = result.validators;
    } else {
      body = await readFile(list.url, 'utf8');
    }
    const { format, feeds } = parseReadingList(body, { location: list.url, format: list.format, base: isHttp ? list.url : undefined });
    await store?.saveReadingList({ url: list.url, format, body, validators, fetchedAt: options.now?.() ?? new Date() });
    return { report: { url: list.url, status: 'updated' }, feeds };
  } catch (caught) {
    const error = toErrorRecord(caught);
    if (!error.message.includes(list.url)) error.message = `reading list ${list.url}: ${error.message}`;
    if (cached === undefined) return { report: { url: list.url, status: 'failed', error }, feeds: [] };
    const feeds = parseReadingList(cached.body, { location: list.url, format: cached.format, base: isHttp ? list.url : undefined }).feeds;
    return { report: { url: list.url, status: 'cached', error, copyFrom: cached.fetchedAt }, feeds };
  }
}

/** `withReadingLists` for an update: every list is read now, with `client` or a client of its own (closed after). */
export async function refreshReadingLists(
  config: PlanetConfig,
  store: CopyStore,
  options: { client?: HttpClient; now?: () => Date },
): Promise<{ config: PlanetConfig; reports: ReadingListReport[] }> {
  if ((config.readingLists ?? []).length === 0) return { config, reports: [] };
  const client = options.client ?? createHttpClient(config.fetch);
  try {
    return await withReadingLists(config, store, { client, now: options.now });
  } finally {
    if (options.client === undefined) await client.close();
  }
}
