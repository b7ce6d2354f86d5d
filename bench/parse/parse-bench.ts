// Parse + normalize throughput on the real-world corpus (../shared/corpus/realworld, the 337
// feed documents feedparser-golden.jsonl lists): ours, feedsmith, rss-parser and Python feedparser,
// in one run, best of ROUNDS rounds each, every document read into memory first.
//   node --import tsx bench/parse/parse-bench.ts [ROUNDS]
// Results and the command go in docs/benchmarks.md ("Parser").
import { spawnSync } from 'node:child_process';
import type { SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFeed as feedsmithParse } from 'feedsmith';
import RssParser from 'rss-parser';
import { parseFeed } from '../../src/parse/index.ts';

const shared = fileURLToPath(new URL('../../../shared/', import.meta.url));
const rounds = Number(process.argv[2] ?? 5);
const paths = readFileSync(join(shared, 'corpus/realworld/feedparser-golden.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => join(shared, (JSON.parse(line) as { path: string }).path));
const bodies = paths.map((path) => readFileSync(path));
const texts = bodies.map((body) => body.toString('utf8'));
const totalBytes = bodies.reduce((sum, body) => sum + body.length, 0);

interface Row {
  name: string;
  seconds: number;
  failures: number;
}

interface Contender {
  name: string;
  parseOne: (index: number) => unknown;
}

/** One pass over every document; a throw counts as a failure, not a crash. */
async function pass(contender: Contender): Promise<{ seconds: number; failures: number }> {
  let failures = 0;
  const started = process.hrtime.bigint();
  for (let index = 0; index < bodies.length; index++) {
    try {
      await contender.parseOne(index);
    } catch {
      failures++;
    }
  }
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, failures };
}

const rssParser = new RssParser();
const contenders: Contender[] = [
  // Ours takes the bytes: decoding (BOM, charset, prolog) is part of its job.
  { name: 'planet (ours)', parseOne: (index) => parseFeed(bodies[index] as Buffer, { url: 'https://example.org/feed' }) },
  // feedsmith and rss-parser take a string; they get the UTF-8 decoding for free.
  { name: 'feedsmith 3', parseOne: (index) => feedsmithParse(texts[index] as string) },
  { name: 'rss-parser 3', parseOne: (index) => rssParser.parseString(texts[index] as string) },
];
// Rounds interleave the parsers, so a burst of load on the shared machine hits them alike;
// each parser's best round counts.
const rows: Row[] = contenders.map((contender) => ({ name: contender.name, seconds: Infinity, failures: 0 }));
for (let round = 0; round < rounds; round++) {
  for (const [index, contender] of contenders.entries()) {
    const result = await pass(contender);
    const row = rows[index] as Row;
    row.failures = result.failures;
    row.seconds = Math.min(row.seconds, result.seconds);
  }
}

const python = '/usr/bin/python3';
if (spawnSync(python, ['-c', 'import feedparser']).status === 0) {
  const dir = mkdtempSync(join(tmpdir(), 'planet-bench-'));
  const list = join(dir, 'files.txt');
  let run: SpawnSyncReturns<string>;
  try {
    writeFileSync(list, paths.join('\n'));
    run = spawnSync(python, [fileURLToPath(new URL('feedparser-bench.py', import.meta.url)), list, String(Math.min(rounds, 3))], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const { seconds } = JSON.parse(run.stdout) as { seconds: number };
  rows.push({ name: 'Python feedparser 6.0.10', seconds, failures: 0 });
} else {
  console.log('Python feedparser not importable by /usr/bin/python3; skipped');
}

const ours = rows[0] as Row;
const mb = totalBytes / 1e6;
console.log(`${paths.length} documents, ${mb.toFixed(1)} MB, best of ${rounds} rounds (feedparser: best of ${Math.min(rounds, 3)})`);
console.log('| parser | seconds | MB/s | ours is | documents that threw |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const row of rows) {
  const ratio = row === ours ? '-' : `${(row.seconds / ours.seconds).toFixed(2)}x faster`;
  console.log(`| ${row.name} | ${row.seconds.toFixed(3)} | ${(mb / row.seconds).toFixed(1)} | ${ratio} | ${row.failures} |`);
}
