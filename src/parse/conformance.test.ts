// The feedparser conformance suite (../shared/conformance) run through `planet parse --batch`
// and scored by ../shared/tools/golden_check.mjs. testdata/known-failures.json names every case
// that still fails, with a reason; the list may only shrink: a failure not on it fails this test,
// and so does a listed case that now passes (remove it from the list).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import type { SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const shared = fileURLToPath(new URL('../../../shared/', import.meta.url));
const goldenPath = join(shared, 'conformance', 'feedparser-golden.jsonl');
const checker = join(shared, 'tools', 'golden_check.mjs');
const knownPath = fileURLToPath(new URL('testdata/known-failures.json', import.meta.url));

interface Golden {
  id: string;
  path: string;
  relevance: string;
  input: { mode: string; url?: string; headers?: Record<string, string> };
}

/** Runs the batch mode over every golden case and returns the failing ids of the core and recommended tiers. */
function failingCases(): Map<string, string> {
  const golden = readFileSync(goldenPath, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Golden);
  const input = golden
    .map((g) => JSON.stringify({ id: g.id, file: join(shared, 'conformance', g.path), ...(g.input.mode === 'http' && { url: g.input.url, headers: g.input.headers }) }))
    .join('\n');
  const batch = spawnSync(process.execPath, [join(repo, 'bin', 'planet.js'), 'parse', '--batch'], { input, maxBuffer: 1 << 30, encoding: 'utf8' });
  assert.equal(batch.status, 0, batch.stderr);
  const lines = batch.stdout.split('\n').filter(Boolean);
  assert.equal(lines.length, golden.length, 'one output line per input line');
  const dir = mkdtempSync(join(tmpdir(), 'planet-conformance-'));
  let report: SpawnSyncReturns<string>;
  try {
    const results = join(dir, 'results.jsonl');
    writeFileSync(results, batch.stdout);
    // The checker runs only when started by its real path (it compares import.meta.url with argv[1]),
    // so a ../shared reached through a symlink must be resolved first.
    report = spawnSync(process.execPath, [realpathSync(checker), '--results', results, '--relevance', 'core,recommended', '--json'], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.equal(report.status, 0, report.stderr);
  assert.ok(report.stdout.trim() !== '', 'golden_check.mjs printed no report');
  const { fails } = JSON.parse(report.stdout) as { fails: { id: string; why: string }[] };
  return new Map(fails.map((fail) => [fail.id, fail.why]));
}

test('feedparser conformance: no case fails that is not on the known-failures list', { skip: !existsSync(goldenPath) && 'the shared conformance suite is not beside this checkout', timeout: 120_000 }, () => {
  const known = JSON.parse(readFileSync(knownPath, 'utf8')) as Record<string, string>;
  for (const [id, reason] of Object.entries(known)) assert.ok(reason.trim().length > 0, `${id} needs a reason`);
  const failing = failingCases();
  const regressions = [...failing.keys()].filter((id) => !(id in known));
  assert.deepEqual(regressions, [], `new failures (fix them; the list may only shrink):\n${regressions.join('\n')}`);
  const fixed = Object.keys(known).filter((id) => !failing.has(id));
  assert.deepEqual(fixed, [], `now passing, remove from testdata/known-failures.json:\n${fixed.join('\n')}`);
});
