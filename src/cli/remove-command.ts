import { applyConfigEdits, configFeedUrls, configFormat, findFeed, loadConfig } from '../config/index.ts';
import { PlanetError } from '../model/index.ts';
import type { CommandSpec } from './commands.ts';
import { changedLines, readConfigText, writeConfigEdit } from './config-file.ts';

/** The subscription `which` names: its URL (exact, then normalised), else its name (exact, then any case). */
async function subscriptionNamed(path: string, text: string, which: string): Promise<{ url: string; name: string }> {
  const config = await loadConfig(path);
  const urls = configFeedUrls(text, configFormat(path, text), config.configPath);
  const byUrl = findFeed(urls, which);
  if (byUrl !== -1) {
    const url = urls[byUrl] ?? which;
    return { url, name: config.feeds[findFeed(config.feeds.map((f) => f.url), url)]?.name ?? url };
  }
  const exact = config.feeds.filter((feed) => feed.name === which);
  const named = exact.length > 0 ? exact : config.feeds.filter((feed) => feed.name.toLowerCase() === which.toLowerCase());
  if (named.length > 1) {
    const list = named.map((feed) => feed.url).join(', ');
    throw new PlanetError('cli', 'usage', `remove: ${named.length} feeds in ${config.configPath} are named "${which}" (${list}); name one by its URL`);
  }
  const [feed] = named;
  if (feed === undefined) {
    throw new PlanetError('cli', 'usage', `remove: no feed in ${config.configPath} has the URL or name "${which}"; \`planet health\` lists the subscriptions`);
  }
  return { url: feed.url, name: feed.name };
}

/** `planet remove URL|NAME`: takes a subscription out of the config; its stored entries stay in the store. */
export const removeCommand: CommandSpec = {
  name: 'remove',
  args: '<url-or-name>',
  summary: 'remove a feed from the config, by URL or name (its entries stay in the store, unpublished)',
  options: [{ flags: '-c, --config <path>', description: 'planet.toml (or config.ini) to edit', default: './planet.toml' }],
  run: async (options, args, io) => {
    const which = args[0];
    if (which === undefined || which.trim() === '') throw new PlanetError('cli', 'usage', 'remove: name the feed to remove, by its URL or its name');
    const path = String(options.config);
    const text = await readConfigText(path);
    const feed = await subscriptionNamed(path, text, which);
    const edited = applyConfigEdits(text, configFormat(path, text), [{ action: 'remove', url: feed.url }], path);
    const config = await writeConfigEdit(path, text, edited);
    io.out(`remove: unsubscribed "${feed.name}" <${feed.url}> in ${config.configPath}:`);
    for (const line of changedLines(text, edited)) io.out(`  ${line}`);
    io.out('remove: its entries stay in the store but are no longer published; add the feed again to show them');
    return 0;
  },
};
