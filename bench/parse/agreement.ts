// Per-entry agreement with Python feedparser on the real-world corpus
// (../shared/corpus/realworld/feedparser-golden.jsonl): title, link, id, published and updated
// of every entry feedparser finds, compared with our feedparser-shaped result.
//   node --import tsx bench/parse/agreement.ts [--list FIELD]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ParseError } from '../../src/model/index.ts';
import type { FpResult } from '../../src/parse/index.ts';
import { feedparserResultOfError, parseFeed, toFeedparserResult } from '../../src/parse/index.ts';

const shared = fileURLToPath(new URL('../../../shared/', import.meta.url));
const FIELDS = ['title', 'link', 'id', 'published_parsed', 'updated_parsed'] as const;

interface Golden {
  path: string;
  projection: { entries?: Record<string, unknown>[] };
}

function resultOf(path: string): FpResult {
  try {
    return toFeedparserResult(parseFeed(readFileSync(`${shared}${path}`), { url: '' }));
  } catch (error) {
    if (error instanceof ParseError) return feedparserResultOfError(error);
    throw error;
  }
}

const list = process.argv.includes('--list') ? process.argv[process.argv.indexOf('--list') + 1] : undefined;
const goldens = readFileSync(`${shared}corpus/realworld/feedparser-golden.jsonl`, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Golden);
let entries = 0;
let agreeing = 0;
const byField = new Map<string, number>(FIELDS.map((field) => [field, 0]));
for (const golden of goldens) {
  const ours = resultOf(golden.path).entries;
  (golden.projection.entries ?? []).forEach((expected, index) => {
    entries++;
    const actual = ours[index] ?? {};
    let same = true;
    for (const field of FIELDS) {
      if (JSON.stringify(expected[field] ?? null) === JSON.stringify(actual[field] ?? null)) continue;
      same = false;
      byField.set(field, (byField.get(field) ?? 0) + 1);
      if (field === list) console.log(`${golden.path} #${index}: feedparser ${JSON.stringify(expected[field])} | ours ${JSON.stringify(actual[field])}`);
    }
    if (same) agreeing++;
  });
}
console.log(`${goldens.length} documents, ${entries} entries: ${agreeing} agree on ${FIELDS.join(', ')} (${((100 * agreeing) / entries).toFixed(2)}%)`);
console.log(`differing entries by field: ${[...byField].map(([field, count]) => `${field} ${count}`).join(', ')}`);
