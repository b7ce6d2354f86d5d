import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { FeedConfig, PlanetConfig } from '../model/index.ts';
import type { FeedReport } from './refresh-feed.ts';

/** Per feed URL: the ids its filters dropped at its last full fetch, under which filter settings. */
type FilteredIds = Record<string, { settings: string; ids: string[] }>;

/**
 * Where the dropped ids are kept: beside the SQLite file (beside the config with PostgreSQL).
 * A file, not a table: it is a cache of what the last fetch decided (losing it only means stored
 * copies show until each feed's next full fetch), and the Store interface stays as it is.
 */
function filteredIdsFile(config: PlanetConfig): string {
  const { database } = config.planet;
  return /^postgres(ql)?:\/\//i.test(database) ? join(dirname(config.configPath), '.planet-filtered.json') : `${database}-filtered.json`;
}

/** The filter settings that apply to a feed, as a short fingerprint: a changed filter voids what the old one dropped. */
function settingsOf(config: PlanetConfig, feed: FeedConfig): string {
  return createHash('sha256').update(JSON.stringify([config.filters ?? null, feed.filters ?? null])).digest('hex').slice(0, 16);
}

async function readIds(config: PlanetConfig): Promise<FilteredIds> {
  try {
    return JSON.parse(await readFile(filteredIdsFile(config), 'utf8')) as FilteredIds;
  } catch {
    // None kept yet (or unreadable): nothing is known to be filtered.
    return {};
  }
}

/**
 * Remembers, per feed fetched in full this run, which entry ids its filters dropped, so the build
 * hides copies stored before the filter was set (the store keeps no categories to re-check
 * include_tags or exclude_tags, and plugins may read fields it does not keep). Feeds not fetched
 * in full keep what their last full fetch decided; feeds gone from the config are forgotten.
 */
export async function recordFilteredIds(config: PlanetConfig, reports: readonly FeedReport[]): Promise<void> {
  const before = await readIds(config);
  const byUrl = new Map(config.feeds.map((feed) => [feed.url, feed]));
  const after: FilteredIds = {};
  for (const [url, kept] of Object.entries(before)) if (byUrl.has(url)) after[url] = kept;
  for (const report of reports) {
    const feed = byUrl.get(report.url);
    if (report.status !== 'updated' || feed === undefined) continue;
    const ids = (report.dropped ?? []).map((entry) => entry.id);
    if (ids.length === 0) delete after[report.url];
    else after[report.url] = { settings: settingsOf(config, feed), ids };
  }
  if (Object.keys(before).length === 0 && Object.keys(after).length === 0) return;
  const file = filteredIdsFile(config);
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(after));
  await rename(temporary, file);
}

/** Per feed URL, the entry ids to hide: those its last full fetch dropped, if its filters are still the same. */
export async function loadFilteredIds(config: PlanetConfig): Promise<Map<string, Set<string>>> {
  const kept = await readIds(config);
  const out = new Map<string, Set<string>>();
  for (const feed of config.feeds) {
    const record = kept[feed.url];
    if (record !== undefined && record.settings === settingsOf(config, feed)) out.set(feed.url, new Set(record.ids));
  }
  return out;
}
