import { PlanetError } from '../model/index.ts';
import type { CheckedEntry, CheckReport } from './check-feed.ts';
import { checkFeed } from './check-feed.ts';
import type { CommandSpec, OptionSpec } from './commands.ts';
import { configOrDefaults } from './config-file.ts';

const defaultConfig = './planet.toml';

/** `-c` and `--pick`, shared with `planet add`. */
export const checkOptions: OptionSpec[] = [
  { flags: '-c, --config <path>', description: 'planet.toml (or config.ini) to compare with and take settings from', default: defaultConfig },
  { flags: '--pick <n>', description: 'when URL is a web page, check the n-th feed it advertises (default 1)' },
];

/** The --pick option as a 1-based index. */
export function pickOf(options: Record<string, unknown>, command: string): number | undefined {
  if (options.pick === undefined) return undefined;
  const pick = Number(options.pick);
  if (!Number.isInteger(pick) || pick < 1) throw new PlanetError('cli', 'usage', `${command}: --pick takes a whole number from 1, got ${String(options.pick)}`);
  return pick;
}

/** The URL argument, checked to be http(s). */
export function urlArgument(args: string[], command: string): string {
  const url = args[0];
  if (url === undefined || !/^https?:\/\/./i.test(url)) {
    throw new PlanetError('cli', 'usage', `${command}: name the feed or web page as an http(s) URL, e.g. \`planet ${command} https://blog.example.org/\``);
  }
  return url;
}

const day = (date: Date): string => date.toISOString().slice(0, 16).replace('T', ' ');

/** What the river would show of one entry, and why it would differ from what the feed says. */
function entryLine(entry: CheckedEntry): string {
  const when = entry.displayDate === undefined ? '(not shown)     ' : day(entry.displayDate);
  const notes: string[] = [];
  if (entry.placement === 'undated') notes.push('no date: placed when first seen');
  if (entry.placement === 'future-first-seen') notes.push(`dated ${day(entry.claimed ?? new Date(0))}, in the future: placed when first seen`);
  if (entry.placement === 'future-kept') notes.push('dated in the future: kept at its date');
  if (entry.placement === 'future-skipped') notes.push(`dated ${day(entry.claimed ?? new Date(0))}, in the future: left out until then`);
  if (entry.dropped !== undefined) notes.push(`dropped by filters: ${entry.dropped}`);
  else if (entry.backCatalogue) notes.push('back catalogue: stored hidden unless this is the planet\'s first run');
  const link = entry.link === undefined ? '' : `  <${entry.link}>`;
  return `  ${when}  ${entry.title ?? '(no title)'}${link}${notes.length > 0 ? `  [${notes.join('; ')}]` : ''}`;
}

/** The report as the lines a maintainer reads. */
export function checkLines(report: CheckReport): string[] {
  const lines: string[] = [];
  if (report.page) {
    const n = report.page.feeds.length;
    lines.push(`check: ${report.url} is a web page; it advertises ${n} feed${n === 1 ? '' : 's'}:`);
    report.page.feeds.forEach((feed, i) => {
      const title = feed.title === undefined ? '' : ` "${feed.title}"`;
      const picked = i + 1 === report.page?.picked ? '   <- checked' : '';
      lines.push(`  ${i + 1}. ${feed.url}${title}${feed.type ? ` (${feed.type})` : ''}${picked}`);
    });
    if (n > 1) lines.push('  (--pick N checks another)');
  }
  const { feed } = report;
  const about = [feed.version, feed.encoding, `HTTP ${feed.httpStatus}`, `${feed.bytes} bytes`].filter(Boolean).join(', ');
  lines.push(`feed: ${feed.title ?? '(no title)'}${feed.link ? ` <${feed.link}>` : ''} (${about})`);
  lines.push(`  url: ${feed.url}${feed.finalUrl === feed.url ? '' : ` (fetched from ${feed.finalUrl})`}`);
  if (!report.page && feed.url !== report.url) lines.push(`  (${report.url} redirects there permanently: subscribe to the new URL)`);
  lines.push(report.subscribed
    ? `subscribed: yes, as "${report.subscribed.name}" <${report.subscribed.url}>`
    : 'subscribed: no (planet add subscribes it)');
  lines.push(`entries: ${report.entries.length}, newest first, where the river would place them (UTC):`);
  for (const entry of report.entries) lines.push(entryLine(entry));
  lines.push(report.filters.length === 0 ? 'filters: none configured' : 'filters:');
  for (const filter of report.filters) lines.push(`  ${filter}`);
  lines.push(report.warnings.length === 0 ? 'warnings: none' : 'warnings:');
  for (const warning of report.warnings) lines.push(`  - ${warning}`);
  return lines;
}

/** `planet check URL`: what a feed (or the feed a page advertises) would bring to the planet; writes nothing. */
export const checkCommand: CommandSpec = {
  name: 'check',
  args: '<url>',
  summary: 'fetch a feed or web page and preview what it would bring to the planet (writes nothing)',
  options: [...checkOptions, { flags: '--json', description: 'print the report as JSON' }],
  run: async (options, args, io) => {
    const url = urlArgument(args, 'check');
    const configPath = String(options.config);
    const { config, found } = await configOrDefaults(configPath, configPath === defaultConfig);
    const report = await checkFeed(url, { config, pick: pickOf(options, 'check'), now: new Date() });
    if (options.json === true) {
      io.out(JSON.stringify({ ...report, config: found ? config.configPath : null }, null, 2));
      return 0;
    }
    if (!found) io.out(`check: no ${configPath}; using the default settings, and not comparing with any subscriptions`);
    for (const line of checkLines(report)) io.out(line);
    return 0;
  },
};
