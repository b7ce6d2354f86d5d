import type { PlanetConfig } from '../model/index.ts';
import { publishSite } from '../publish/index.ts';
import { buildSiteView, renderSite } from '../render/index.ts';
import type { Store } from '../store/index.ts';

/** What `buildSite` published. */
export interface BuildReport {
  outputDir: string;
  files: string[];
  entries: number;
  feeds: number;
}

/**
 * Renders the site from the store alone (no network) into a temporary directory and
 * swaps it in, so a failed or killed build leaves the previous site in place.
 */
export async function buildSite(config: PlanetConfig, store: Store, options: { now?: Date } = {}): Promise<BuildReport> {
  const feeds = await store.syncFeeds(config.feeds);
  const entries = await store.listEntries({ feedIds: feeds.map((f) => f.id), limit: config.planet.itemsPerPage });
  const view = buildSiteView({ planet: config.planet, feeds, entries, now: options.now ?? new Date() });
  let files: string[] = [];
  await publishSite(config.planet.outputDir, async (dir) => {
    files = await renderSite(view, { themeDir: config.planet.themeDir, outDir: dir });
  });
  return { outputDir: config.planet.outputDir, files, entries: entries.length, feeds: feeds.length };
}
