import { MultiBar, Presets } from 'cli-progress';
import type { FeedReport } from '../pipeline/index.ts';
import type { Io } from './output.ts';
import { feedLine } from './output.ts';

/** Shows feeds finishing: a bar on a terminal, one plain line per feed otherwise (cron mail, CI logs). */
export interface FeedProgress {
  feed(report: FeedReport): void;
  stop(): void;
}

/** Statuses worth a line even with --quiet or under the bar. */
const NOTEWORTHY = new Set<FeedReport['status']>(['failed', 'gone']);

/** The progress display for `total` feeds; a bar only when `stream` is a terminal and CI is not set. */
export function createProgress(
  total: number,
  io: Io,
  options: { quiet: boolean; stream?: NodeJS.WriteStream; env?: NodeJS.ProcessEnv },
): FeedProgress {
  const stream = options.stream ?? process.stderr;
  const env = options.env ?? process.env;
  if (stream.isTTY !== true || env.CI !== undefined || total === 0) return plainProgress(io, options.quiet);
  const bars = new MultiBar(
    {
      stream,
      format: 'fetching {bar} {value}/{total} feeds | {failed} failed | {name}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  const bar = bars.create(total, 0, { failed: 0, name: '' });
  let failed = 0;
  return {
    feed(report) {
      if (NOTEWORTHY.has(report.status)) {
        failed += 1;
        // The bar redraws below what is logged, so failures stay readable on screen.
        bars.log(`${feedLine(report)}\n`);
      }
      bar.increment({ failed, name: report.name });
    },
    stop() {
      // A last redraw writes out failures logged since the previous one; stop() alone drops them.
      bars.update();
      bars.stop();
    },
  };
}

function plainProgress(io: Io, quiet: boolean): FeedProgress {
  return {
    feed(report) {
      if (NOTEWORTHY.has(report.status)) io.err(feedLine(report));
      else if (!quiet) io.out(feedLine(report));
    },
    stop: () => undefined,
  };
}
