// One run of fetch-bench.ts, in a process of its own (as `planet run` from cron is): updates the
// planet whose config the parent wrote into the store it names, and sends back what it measured.
//   node --import tsx bench/fetch/run-once.ts <config> <profile file or "">
import { writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { parseConfig } from '../../src/config/index.ts';
import { updatePlanet } from '../../src/pipeline/index.ts';
import { openStore } from '../../src/store/index.ts';

/** What one run measured, sent to the parent over IPC. */
export interface RunResult {
  /** From the start of updatePlanet to the last feed's report: the feed phase. */
  feedMs: number;
  /** The whole updatePlanet, with its avatar pass. */
  wholeMs: number;
  updated: number;
  notModified: number;
  failed: number;
  errors: string[];
  /** The process's CPU (all threads) and the main thread's busy time during the feed phase. */
  feedCpuMs: number;
  feedBusyMs: number;
}

const [configPath, profilePath] = process.argv.slice(2);
if (configPath === undefined) throw new Error('usage: run-once.ts <config> [profile file]');
const config = parseConfig(readFileSync(configPath, 'utf8'), configPath);
const session = profilePath ? new Session() : undefined;
session?.connect();
if (session !== undefined) await session.post('Profiler.enable').then(() => session.post('Profiler.start'));

const store = await openStore(config.planet.database);
try {
  const feeds = config.feeds.length;
  const cpu = process.cpuUsage();
  const loop = performance.eventLoopUtilization();
  const started = performance.now();
  let feedsDone = started;
  let feedCpu = process.cpuUsage(cpu);
  let feedLoop = performance.eventLoopUtilization(loop);
  let reported = 0;
  const onFeed = (): void => {
    reported += 1;
    feedsDone = performance.now();
    // Only at the last feed: a getrusage call per feed showed up in the profile.
    if (reported === feeds) {
      feedCpu = process.cpuUsage(cpu);
      feedLoop = performance.eventLoopUtilization(loop);
    }
  };
  const report = await updatePlanet(config, store, { onFeed });
  if (session !== undefined && profilePath) {
    const { profile } = await session.post('Profiler.stop');
    await writeFile(profilePath, JSON.stringify(profile));
  }
  const result: RunResult = {
    feedMs: Math.round(feedsDone - started),
    wholeMs: report.ms,
    updated: report.totals.updated,
    notModified: report.totals.notModified,
    failed: report.totals.failed,
    errors: report.feeds.filter((f) => f.error !== undefined).map((f) => `${f.url}: ${f.error?.message}`),
    feedCpuMs: Math.round((feedCpu.user + feedCpu.system) / 1000),
    feedBusyMs: Math.round(feedLoop.active),
  };
  process.send?.(result);
} finally {
  await store.close();
}
