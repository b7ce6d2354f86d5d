import type { PlanetConfig } from '../model/index.ts';
import { publishSite } from '../publish/index.ts';
import { buildSiteView, renderSite } from '../render/index.ts';
import { embeddedFrameHosts } from '../sanitize/index.ts';
import type { Store } from '../store/index.ts';

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
export async function buildSite(config: PlanetConfig, store: Store, options: { now?: Date } = {}): Promise<BuildReport> {
  const feeds = await store.syncFeeds(config.feeds);
  // Archive, month and feed pages draw from more than the front page shows.
  const limit = Math.max(config.planet.itemsPerPage, config.planet.archiveEntries);
  const entries = await store.listEntries({ feedIds: feeds.map((f) => f.id), limit });
  const avatars = Object.fromEntries(config.feeds.flatMap((f) => (f.avatar === undefined ? [] : [[f.url, f.avatar]])));
  const frameHosts = embeddedFrameHosts(config.sanitize, config.feeds.map((f) => f.sanitize));
  const view = buildSiteView({ planet: config.planet, feeds, entries, now: options.now ?? new Date(), avatars, frameHosts });
  let files: string[] = [];
  const reuse = await publishSite(config.planet.outputDir, async (dir) => {
    files = await renderSite(view, { themeDir: config.planet.themeDir, outDir: dir });
  });
  return { outputDir: config.planet.outputDir, files, entries: entries.length, feeds: feeds.length, ...reuse };
}
