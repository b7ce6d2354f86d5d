// Runs every *.test.ts under src/ and examples/ with node:test and the tsx loader.
// Node 20's test runner takes no glob patterns, so the files are listed here.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const roots = ['src', 'examples'];
const only = process.argv.slice(2);
const files = roots
  .flatMap((root) => readdirSync(root, { recursive: true, encoding: 'utf8' }).map((f) => join(root, f)))
  .filter((f) => f.endsWith('.test.ts') && !f.includes('node_modules'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

// Limits, so that a hang fails CI with a name instead of holding it until CI's own limit:
// a test gets 10 minutes (the slowest take about a minute here); a test file's process exits
// once its tests are done even if a hang left something open (a browser, a socket); and the
// whole run stops after 25 minutes, inside the 30 that CI grants.
const testTimeoutMs = 10 * 60_000;
const runTimeoutMs = 25 * 60_000;
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', `--test-timeout=${testTimeoutMs}`, '--test-force-exit', ...files],
  { stdio: 'inherit', timeout: runTimeoutMs, killSignal: 'SIGKILL' },
);
if (result.error !== undefined || result.signal !== null) {
  const why = result.signal === null ? String(result.error) : `stopped by ${result.signal}`;
  console.error(`\nthe test run did not finish: ${why} (limit ${runTimeoutMs / 60_000} minutes); the hang is in the file of the last tests reported above, or the next one`);
}
process.exit(result.status ?? 1);
