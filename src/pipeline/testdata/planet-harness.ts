// Drives a real planet over several runs: a planet.toml in a temp dir, the real store,
// updatePlanet + buildSite against a local HTTP server, and the river read back from the site.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../config/index.ts';
import { openStore } from '../../store/index.ts';
import type { UpdateReport } from '../index.ts';
import { buildSite, updatePlanet } from '../index.ts';

/** A test planet: write its config, run it at a given time, read the published river. */
export interface TestPlanet {
  dir: string;
  /** Rewrites planet.toml with these feeds (path on the server, name) and extra TOML. */
  configure(feeds: ReadonlyArray<readonly [path: string, name: string]>, extra?: string): Promise<void>;
  /** One `planet run` at `now`: update, then build and publish. */
  run(now: Date): Promise<UpdateReport>;
  /** Entry titles as the published front page links them, top first (only titles in `known`; entries need links). */
  river(known: Iterable<string>): Promise<string[]>;
  dispose(): Promise<void>;
}

/** A planet whose feeds live at `origin`; `database` overrides the SQLite file (e.g. a postgres:// URL). */
export async function createTestPlanet(origin: string, database?: string): Promise<TestPlanet> {
  const dir = await mkdtemp(join(tmpdir(), 'planet-scenario-'));
  const configPath = join(dir, 'planet.toml');
  return {
    dir,
    async configure(feeds, extra = '') {
      const list = feeds.map(([path, name]) => `[[feeds]]\nurl = "${origin}${path}"\nname = "${name}"\n`).join('\n');
      const db = database === undefined ? '' : `database = "${database}"\n`;
      await writeFile(
        configPath,
        `[planet]\nname = "Scenario"\nlink = "https://planet.test/"\nitems_per_page = 200\n${db}\n[fetch]\ntimeout = 10\n\n${extra}\n\n${list}`,
      );
    },
    async run(now) {
      const config = await loadConfig(configPath);
      const store = await openStore(config.planet.database);
      try {
        const report = await updatePlanet(config, store, { now: () => now, force: true });
        await buildSite(config, store, { now });
        return report;
      } finally {
        await store.close();
      }
    },
    async river(known) {
      const html = await readFile(join(dir, 'output', 'index.html'), 'utf8');
      const found = [...new Set(known)].flatMap((title) => {
        const at = html.indexOf(`>${title}</a>`);
        return at === -1 ? [] : [[at, title] as const];
      });
      return found.sort((a, b) => a[0] - b[0]).map(([, title]) => title);
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
