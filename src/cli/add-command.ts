import { applyConfigEdits, configFormat } from '../config/index.ts';
import { PlanetError } from '../model/index.ts';
import { checkFeed } from './check-feed.ts';
import { checkLines, checkOptions, pickOf, urlArgument } from './check-command.ts';
import type { CommandSpec } from './commands.ts';
import { changedLines, configOrDefaults, readConfigText, writeConfigEdit } from './config-file.ts';

/** `planet add URL`: checks the feed as `planet check` does, then appends it to the config, keeping the file's layout. */
export const addCommand: CommandSpec = {
  name: 'add',
  args: '<url>',
  summary: 'check a feed (or the first feed a web page advertises) and add it to the config',
  options: [...checkOptions, { flags: '--name <name>', description: 'the name the river shows (default: the feed\'s title)' }],
  run: async (options, args, io) => {
    const url = urlArgument(args, 'add');
    const path = String(options.config);
    const text = await readConfigText(path);
    const { config } = await configOrDefaults(path, false);
    const report = await checkFeed(url, { config, pick: pickOf(options, 'add'), now: new Date() });
    for (const line of checkLines(report)) io.out(line);
    if (report.subscribed) {
      const { name, url: subscribedUrl } = report.subscribed;
      throw new PlanetError('cli', 'exists', `add: ${report.feed.url} is already subscribed in ${config.configPath} as "${name}" <${subscribedUrl}>; nothing added`);
    }
    const given = typeof options.name === 'string' ? options.name.trim() : '';
    const name = given || report.feed.title?.trim() || new URL(report.feed.url).hostname;
    const edited = applyConfigEdits(text, configFormat(path, text), [{ action: 'append', url: report.feed.url, name }], config.configPath);
    await writeConfigEdit(path, text, edited);
    const from = report.page ? ` (feed ${report.page.picked} of the ${report.page.feeds.length} that ${url} advertises)` : '';
    io.out(`add: subscribed to "${name}" <${report.feed.url}>${from} in ${config.configPath}:`);
    for (const line of changedLines(text, edited)) io.out(`  ${line}`);
    io.out('add: `planet run` fetches it and publishes its entries');
    return 0;
  },
};
