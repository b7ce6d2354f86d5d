import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadConfig, renderInitConfig } from '../config/index.ts';
import type { PlanetConfig } from '../model/index.ts';
import { PlanetError } from '../model/index.ts';
import type { UpdateReport } from '../pipeline/index.ts';
import { buildSite, updatePlanet } from '../pipeline/index.ts';
import type { Store } from '../store/index.ts';
import { openStore } from '../store/index.ts';
import { addCommand } from './add-command.ts';
import { checkCommand } from './check-command.ts';
import { expungeCommand } from './expunge-command.ts';
import { healthCommand } from './health-command.ts';
import { parseCommand } from './parse-command.ts';
import { removeCommand } from './remove-command.ts';
import { serveCommand } from './serve-command.ts';
import { watchCommand } from './watch-command.ts';
import type { Io } from './output.ts';
import { createProgress } from './progress.ts';
import { beforeCommand } from './before-command.ts';
import { importCommand } from './import-command.ts';
import { writeRunReport } from './report.ts';
import { buildSummary, lifecycleLines, updateSummary } from './output.ts';

/** Exit codes: part of the CLI's interface for cron and CI. */
export const exitCodes = {
  ok: 0,
  /** Config, store, theme or publish trouble: nothing was published. */
  error: 1,
  usage: 2,
  /** --strict and at least one feed failed (the site was still published). */
  feedsFailed: 4,
  /** `planet health --fail-on`: some feed has one of the named statuses. */
  healthMatched: 3,
  internal: 70,
} as const;

/** An option of a command, as commander spells it. */
export interface OptionSpec {
  flags: string;
  description: string;
  default?: string | boolean;
}

/** A command declared as data: main.ts turns each into a commander command. */
export interface CommandSpec {
  name: string;
  args?: string;
  summary: string;
  options: OptionSpec[];
  run: (options: Record<string, unknown>, args: string[], io: Io) => Promise<number>;
}

const configOption: OptionSpec = { flags: '-c, --config <path>', description: 'planet.toml (or a Planet 2.0 / Venus config.ini) to use', default: './planet.toml' };
const strictOption: OptionSpec = { flags: '--strict', description: 'exit 4 when any feed failed (the site is still published)' };
const quietOption: OptionSpec = { flags: '-q, --quiet', description: 'print only failures and the summary' };
const forceOption: OptionSpec = { flags: '--force', description: 'fetch every feed now, ignoring backoff and 410 Gone' };
const reportOption: OptionSpec = { flags: '--report <file>', description: 'write what happened to each feed as JSON (docs/report-schema.json)' };

async function withStore<T>(config: PlanetConfig, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(config.planet.database);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

async function update(config: PlanetConfig, store: Store, options: Record<string, unknown>, io: Io): Promise<UpdateReport> {
  const progress = createProgress(config.feeds.length, io, { quiet: options.quiet === true });
  let report: UpdateReport;
  try {
    report = await updatePlanet(config, store, { onFeed: (feed) => progress.feed(feed), force: options.force === true });
  } finally {
    progress.stop();
  }
  if (typeof options.report === 'string') io.out(`update: wrote the run report to ${await writeRunReport(options.report, report)}`);
  io.out(updateSummary(report));
  for (const line of lifecycleLines(report)) io.out(line);
  return report;
}

const feedsExit = (report: UpdateReport, options: Record<string, unknown>): number =>
  options.strict === true && report.totals.failed > 0 ? exitCodes.feedsFailed : exitCodes.ok;

export const commands: CommandSpec[] = [
  {
    name: 'run',
    summary: 'fetch every feed, then build and publish the site',
    options: [configOption, strictOption, quietOption, forceOption, reportOption],
    run: async (options, _args, io) => {
      const config = await loadConfig(String(options.config));
      await beforeCommand(config, io);
      return withStore(config, async (store) => {
        const report = await update(config, store, options, io);
        io.out(buildSummary(await buildSite(config, store)));
        return feedsExit(report, options);
      });
    },
  },
  {
    name: 'update',
    summary: 'fetch every feed and store new entries (no site is built)',
    options: [configOption, strictOption, quietOption, forceOption, reportOption],
    run: async (options, _args, io) => {
      const config = await loadConfig(String(options.config));
      await beforeCommand(config, io);
      return withStore(config, async (store) => feedsExit(await update(config, store, options, io), options));
    },
  },
  {
    name: 'build',
    summary: 'build and publish the site from the store (works offline)',
    options: [configOption],
    run: async (options, _args, io) => {
      const config = await loadConfig(String(options.config));
      await beforeCommand(config, io);
      await withStore(config, async (store) => io.out(buildSummary(await buildSite(config, store))));
      return exitCodes.ok;
    },
  },
  {
    name: 'init',
    args: '[dir]',
    summary: 'write a new planet.toml into dir (default: the current directory)',
    options: [
      { flags: '--name <name>', description: 'the planet\'s name', default: 'My Planet' },
      { flags: '--link <url>', description: 'where the site will be published', default: 'https://planet.example.org/' },
      { flags: '--feed <url...>', description: 'feeds to subscribe to' },
      { flags: '--force', description: 'overwrite an existing planet.toml' },
    ],
    run: async (options, args, io) => {
      const dir = resolve(args[0] ?? '.');
      const path = join(dir, 'planet.toml');
      if (existsSync(path) && options.force !== true) {
        throw new PlanetError('cli', 'exists', `init: ${path} already exists; pass --force to overwrite it`);
      }
      const feeds = ((options.feed as string[] | undefined) ?? []).map((url) => ({ url }));
      await mkdir(dir, { recursive: true });
      await writeFile(path, renderInitConfig({ name: String(options.name), link: String(options.link), feeds }));
      // Validate what was written, so `init` never leaves a config that `run` rejects.
      await loadConfig(path);
      io.out(`init: wrote ${path}; add [[feeds]] and run \`planet run -c ${path}\``);
      return exitCodes.ok;
    },
  },
  expungeCommand,
  parseCommand,
  serveCommand,
  importCommand,
  healthCommand,
  watchCommand,
  checkCommand,
  addCommand,
  removeCommand,
];
