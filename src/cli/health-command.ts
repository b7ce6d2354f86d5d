import { existsSync } from 'node:fs';
import { loadConfig } from '../config/index.ts';
import { assessFeeds, healthLines, healthStatuses, parseStatusList, toHealthReport } from '../health/index.ts';
import type { FeedHealth, HealthStatus, PlanetConfig } from '../model/index.ts';
import { assessPlanet, withReadingLists } from '../pipeline/index.ts';
import { isPostgresUrl, openStore } from '../store/index.ts';
import type { CommandSpec } from './commands.ts';
import { exitCodes } from './commands.ts';
import { fixConfig } from './health-fix.ts';

/** The health of every feed, from the store alone; a planet never run has no database yet, and gets none made. */
async function assess(configured: PlanetConfig, now: Date): Promise<FeedHealth[]> {
  const { database } = configured.planet;
  if (!isPostgresUrl(database) && !existsSync(database)) {
    // No database, so no reading lists' copies: only lists that are local files add feeds.
    const { config } = await withReadingLists(configured, undefined);
    return assessFeeds({ config, feeds: [], history: new Map(), newestEntryAt: new Map(), now });
  }
  const store = await openStore(database);
  try {
    // Reading lists' feeds from their last good copies: health never touches the network.
    const { config } = await withReadingLists(configured, store);
    return await assessPlanet(config, store, now);
  } finally {
    await store.close();
  }
}

/** `planet health`: per feed status, last success, last entry, last error and the config edit that fixes it. */
export const healthCommand: CommandSpec = {
  name: 'health',
  summary: 'show how each feed is doing and the config edits that would fix it (reads the store; no network)',
  options: [
    { flags: '-c, --config <path>', description: 'planet.toml (or config.ini) to use', default: './planet.toml' },
    { flags: '--json', description: 'print the health report as JSON (docs/report-schema.json, $defs/healthReport)' },
    { flags: '--fail-on <statuses>', description: `exit 3 when any feed has one of these comma-separated statuses: ${healthStatuses.join(', ')}` },
    { flags: '--fix', description: 'apply the suggested edits to the config file, showing a diff first (asks on a terminal; see --yes)' },
    { flags: '--yes', description: 'with --fix: write without asking (needed when not on a terminal, e.g. from cron)' },
  ],
  run: async (options, _args, io) => {
    const failOn: HealthStatus[] = typeof options.failOn === 'string' ? parseStatusList(options.failOn) : [];
    const config = await loadConfig(String(options.config));
    const now = new Date();
    const healths = await assess(config, now);
    const json = options.json === true;
    if (json) io.out(JSON.stringify(toHealthReport(healths, now), null, 2));
    else for (const line of healthLines(healths)) io.out(line);
    if (options.fix === true) {
      // With --json, stdout stays one JSON document: the diff and the outcome go to stderr.
      const say = json ? io.err : io.out;
      await fixConfig(config.configPath, healths, { yes: options.yes === true, say });
    }
    const matched = healths.filter((h) => h.statuses.some((s) => failOn.includes(s)));
    if (matched.length === 0) return 0;
    io.err(`health: ${matched.length} feed${matched.length === 1 ? '' : 's'} matched --fail-on ${failOn.join(',')}: ${matched.map((h) => h.url).join(', ')}`);
    return exitCodes.healthMatched;
  },
};
