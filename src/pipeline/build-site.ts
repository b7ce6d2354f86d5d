import type { PlanetConfig } from '../model/index.ts';
import { publishSite } from '../publish/index.ts';
import { buildSiteView, renderSite } from '../render/index.ts';
import { embeddedFrameHosts } from '../sanitize/index.ts';
import type { Store } from '../store/index.ts';
import { avatarFiles, writeAvatarFiles } from './avatars.ts';
import { assessPlanet, feedsShownByPolicy } from './feed-health.ts';
import { hideFilteredEntries } from './filter-entries.ts';
import { listSiteEntries } from './hidden-feeds.ts';
import { loadFilteredIds } from './filtered-ids.ts';
import { withReadingLists } from './reading-lists.ts';
import { entriesNeeded, feedSettingsOf, templateFilesOf } from './template-files.ts';

/** What `buildSite` published. */
export interface BuildReport {
  outputDir: string;
  files: string[];
  entries: number;
  feeds: number;
  /** Output files identical to the previous site's, kept as they were (same inode and mtime). */
  unchanged: number;
  /** Output files new or different from the previous site's. */
  changed: number;
}

/**
 * Renders the site from the store alone (no network) into a temporary directory and
 * swaps it in, so a failed or killed build leaves the previous site in place.
 */
export async function buildSite(configured: PlanetConfig, store: Store, options: { now?: Date } = {}): Promise<BuildReport> {
  // Reading lists' feeds, from their last good copies: building never touches the network.
  const { config } = await withReadingLists(configured, store);
  // The [health] policy leaves out feeds failing or stale past its limits; they are back once they recover.
  const feeds = await feedsShownByPolicy(config, store, await store.syncFeeds(config.feeds), options.now ?? new Date());
  // Archive, month and feed pages draw from more than the front page shows.
  const limit = entriesNeeded(config);
  // Entries stored before a filter/exclude was set are hidden, not deleted (see filter-entries.ts).
  const entries = hideFilteredEntries(await listSiteEntries(store, config, feeds, limit), config, feeds, await loadFilteredIds(config, store));
  // Every feed's picture is published as a local file (avatars/<hash>.<ext>), never hot-linked.
  const avatarFileMap = avatarFiles(feeds, await store.listAvatars());
  const avatars = Object.fromEntries([...avatarFileMap].map(([url, file]) => [url, file.path]));
  const health = config.planet.healthPage === false ? undefined : await assessPlanet(config, store, options.now ?? new Date());
  const frameHosts = embeddedFrameHosts(config.sanitize, config.feeds.map((f) => f.sanitize));
  const view = buildSiteView({ planet: config.planet, feeds, entries, now: options.now ?? new Date(), avatars, frameHosts, health, feedSettings: feedSettingsOf(config) });
  let files: string[] = [];
  const reuse = await publishSite(config.planet.outputDir, async (dir) => {
    files = await renderSite(view, { themeDir: config.planet.themeDir, outDir: dir, templates: templateFilesOf(config) });
    files.push(...(await writeAvatarFiles(dir, avatarFileMap.values())));
  });
  // A hidden feed's newest entry is in `entries` only to date its last post; it is not published.
  const hidden = new Set(config.feeds.filter((feed) => feed.hidden === true).map((feed) => feed.url));
  const hiddenIds = new Set(feeds.filter((feed) => hidden.has(feed.url)).map((feed) => feed.id));
  const published = entries.filter((entry) => !hiddenIds.has(entry.feedId)).length;
  return { outputDir: config.planet.outputDir, files, entries: published, feeds: feeds.length, ...reuse };
}
