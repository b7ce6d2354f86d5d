import { constants } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { formatDuration, loadConfig, parseDuration } from '../config/index.ts';
import type { PlanetConfig } from '../model/index.ts';
import { PlanetError } from '../model/index.ts';
import type { BuildReport, UpdateReport } from '../pipeline/index.ts';
import { buildSite, updatePlanet } from '../pipeline/index.ts';
import { openStore } from '../store/index.ts';
import type { CommandSpec } from './commands.ts';
import type { Io } from './output.ts';
import { beforeCommand } from './before-command.ts';

/** Used when neither --interval nor `[watch] interval` says otherwise. */
const defaultIntervalMs = 30 * 60_000;

/**
 * `planet watch`: update + build every interval until SIGTERM or SIGINT.
 *
 * Per-feed schedules need nothing here: each run's update skips the feeds whose backoff,
 * Retry-After or TTL has not expired. The daemon never wakes earlier than the interval for
 * a feed that is due sooner, because a run refetches every other due feed too: waking for
 * one feed would poll all of them more often than the maintainer asked.
 */
export const watchCommand: CommandSpec = {
  name: 'watch',
  summary: 'run update and build every interval (default 30m) until SIGTERM or SIGINT',
  options: [
    { flags: '-c, --config <path>', description: 'planet.toml to use (re-read before each run)', default: './planet.toml' },
    { flags: '--interval <duration>', description: 'from one run\'s start to the next\'s, e.g. 90s, 30m, 2h (default: [watch] interval, else 30m)' },
  ],
  run: async (options, _args, io) => {
    const configPath = String(options.config);
    const flagInterval = options.interval === undefined ? undefined : parseDuration(String(options.interval));
    if (options.interval !== undefined && flagInterval === undefined) {
      throw new PlanetError('cli', 'usage', `watch: --interval expects a duration such as 90s, 30m or 2h (at most 24h), got "${String(options.interval)}"`);
    }
    // A config that is wrong at start is the maintainer's to fix now: exit 1 like every command.
    let config = await loadConfig(configPath);
    await beforeCommand(config, io);
    const every = flagInterval === undefined ? `${formatDuration(config.watch?.intervalMs ?? defaultIntervalMs)} ([watch] interval)` : formatDuration(flagInterval);
    io.out(`watch: ${config.configPath} every ${every}, first run now; SIGTERM or Ctrl-C stops`);
    const stop = stopOnSignals(io);
    try {
      for (let run = 1; !stop.signal.aborted; run++) {
        const started = Date.now();
        if (run > 1) config = await reloadConfig(configPath, config, io);
        const intervalMs = flagInterval ?? config.watch?.intervalMs ?? defaultIntervalMs;
        const nextAt = new Date(started + intervalMs);
        await runOnce(config, { run, started: new Date(started), nextAt, signal: stop.signal }, io);
        if (stop.signal.aborted) break;
        // Measured from this run's start, so runs keep their rhythm; a run longer than the
        // interval is followed at once by the next, never overlapped by it.
        await delay(Math.max(0, nextAt.getTime() - Date.now()), undefined, { signal: stop.signal }).catch(ignoreAbort);
      }
    } finally {
      stop.dispose();
    }
    io.out('watch: stopped');
    return 0;
  },
};

interface RunContext {
  run: number;
  started: Date;
  nextAt: Date;
  signal: AbortSignal;
}

/**
 * One update + build. Whatever it throws is logged and the daemon goes on. A stop asked
 * during the update lets the feeds being fetched finish (each is saved in its own store
 * transaction) and skips the build, so the previous site stays; a stop asked during the
 * build lets it finish, since publishing swaps in a complete directory or nothing.
 */
async function runOnce(config: PlanetConfig, context: RunContext, io: Io): Promise<void> {
  const clock = performance.now();
  const head = `watch: ${context.started.toISOString()} run ${context.run}`;
  // A run longer than the interval is followed at once.
  const next = (): string => `next run at ${new Date(Math.max(context.nextAt.getTime(), Date.now())).toISOString()}`;
  try {
    const store = await openStore(config.planet.database);
    try {
      const update = await updatePlanet(config, store, { signal: context.signal });
      if (context.signal.aborted) {
        io.out(`${head}: ${updateCounts(update)}; stopped before the build, the previous site stays; ${seconds(clock)}`);
        return;
      }
      const build = await buildSite(config, store);
      io.out(`${head}: ${updateCounts(update)}; ${buildCounts(build)}; ${seconds(clock)}; ${context.signal.aborted ? 'stopping' : next()}`);
    } finally {
      await store.close();
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.err(`${head} failed after ${seconds(clock)}: ${message}; the previous site stays; ${context.signal.aborted ? 'stopping' : next()}`);
  }
}

/** Reads the config again; a bad one is logged and the last good one kept, so an edit in progress stops nothing. */
async function reloadConfig(path: string, last: PlanetConfig, io: Io): Promise<PlanetConfig> {
  try {
    return await loadConfig(path);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.err(`watch: kept the last good config, since ${path} cannot be used: ${message}`);
    return last;
  }
}

/** The update's part of a run's log line. */
function updateCounts(report: UpdateReport): string {
  const t = report.totals;
  const fetched = t.updated + t.notModified;
  return (
    `${fetched} ${fetched === 1 ? 'feed' : 'feeds'} fetched (${t.updated} updated), ${t.failed} failed, ` +
    `${t.skippedBackoff + t.gone} skipped; ${t.newEntries} new ${t.newEntries === 1 ? 'entry' : 'entries'}`
  );
}

/** The build's part of a run's log line. */
function buildCounts(report: BuildReport): string {
  return `${report.changed} ${report.changed === 1 ? 'file' : 'files'} changed`;
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

function ignoreAbort(error: unknown): void {
  if (!(error instanceof Error && error.name === 'AbortError')) throw error;
}

/**
 * The first SIGTERM or SIGINT asks the loop to stop after the current step; a second one
 * exits at once with 128 + the signal's number, as a shell reports a process the signal killed.
 * Even then no half-published site is left: publishing renames a finished directory in, and a
 * run killed between its two renames is repaired by the next run before it does anything else.
 */
function stopOnSignals(io: Io): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals): void => {
    if (!controller.signal.aborted) {
      io.out(`watch: ${name}: stopping after the current step (send it again to stop at once)`);
      controller.abort();
      return;
    }
    io.err(`watch: ${name} again: stopping at once`);
    process.exit(128 + constants.signals[name]);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
    },
  };
}
