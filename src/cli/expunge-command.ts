import { loadConfig } from '../config/index.ts';
import { expungeOld } from '../pipeline/index.ts';
import { openStore } from '../store/index.ts';
import type { CommandSpec } from './commands.ts';

/** `planet expunge [--dry-run]`: applies the [entries] retention settings now, listing each entry it removes. */
export const expungeCommand: CommandSpec = {
  name: 'expunge',
  summary: 'remove entries older than [entries] keep_days beyond keep_per_feed per feed (--dry-run lists them)',
  options: [
    { flags: '-c, --config <path>', description: 'planet.toml to use', default: './planet.toml' },
    { flags: '--dry-run', description: 'list what would be removed, remove nothing' },
  ],
  run: async (options, _args, io) => {
    const config = await loadConfig(String(options.config));
    const dryRun = options.dryRun === true;
    const store = await openStore(config.planet.database);
    try {
      const gone = await expungeOld(config, store, { now: new Date(), dryRun });
      for (const entry of gone) {
        io.out(`${dryRun ? 'would remove' : 'removed'} ${entry.displayDate.toISOString().slice(0, 10)} ${entry.feedUrl} ${entry.title ?? entry.id}`);
      }
      const { keepPerFeed, keepDays } = config.entries;
      const rule = keepDays === 0 ? 'keep_days = 0 keeps everything' : `keeping ${keepPerFeed} per feed and ${keepDays} days`;
      io.out(`expunge: ${dryRun ? 'would remove' : 'removed'} ${gone.length} ${gone.length === 1 ? 'entry' : 'entries'} (${rule})`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
