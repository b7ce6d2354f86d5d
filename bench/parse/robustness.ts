// Every document of the feedparser suite (2,238) and the real-world corpus (337) through
// parseFeed and the feedparser-shaped projection: counts crashes (anything but a ParseError)
// and reports the slowest documents (the bar is < 1 s each).
//   node --import tsx bench/parse/robustness.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ParseError } from '../../src/model/index.ts';
import { parseFeed, toFeedparserResult } from '../../src/parse/index.ts';

const shared = fileURLToPath(new URL('../../../shared/', import.meta.url));
const lines = (path: string): { path: string }[] =>
  readFileSync(join(shared, path), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { path: string });
const documents = [
  ...lines('conformance/feedparser-golden.jsonl').map((g) => join(shared, 'conformance', g.path)),
  ...lines('corpus/realworld/feedparser-golden.jsonl').map((g) => join(shared, g.path)),
];

const crashes: string[] = [];
const times: [number, string][] = [];
for (const path of documents) {
  const body = readFileSync(path);
  const started = process.hrtime.bigint();
  try {
    toFeedparserResult(parseFeed(body, { url: 'http://127.0.0.1:8097/feed' }));
  } catch (error) {
    if (!(error instanceof ParseError)) crashes.push(`${path}: ${error instanceof Error ? error.stack : String(error)}`);
  }
  times.push([Number(process.hrtime.bigint() - started) / 1e6, path]);
}
times.sort((a, b) => b[0] - a[0]);
console.log(`${documents.length} documents, ${crashes.length} crashes`);
for (const crash of crashes) console.log(`CRASH ${crash}`);
console.log('slowest (ms):');
for (const [ms, path] of times.slice(0, 5)) console.log(`  ${ms.toFixed(1)}  ${path.slice(shared.length)}`);
