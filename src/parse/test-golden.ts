// Test-only helper, shared by the format folders' golden tests.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseFeed } from './parse-feed.ts';

/**
 * Registers one test per golden pair in a testdata folder: `x.xml` is parsed with the
 * URL named in `x.json`, and the result (dates as ISO strings) must equal its `feed`.
 * UPDATE_GOLDEN=1 rewrites the `feed` of each pair instead (review the diff before committing).
 */
export function testGoldenPairs(dir: string): void {
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.xml'))) {
    test(`golden ${name}`, () => {
      const goldenPath = join(dir, name.replace(/\.xml$/, '.json'));
      const golden = JSON.parse(readFileSync(goldenPath, 'utf8')) as { url: string; feed: unknown };
      const feed: unknown = JSON.parse(JSON.stringify(parseFeed(readFileSync(join(dir, name)), { url: golden.url })));
      if (process.env.UPDATE_GOLDEN) writeFileSync(goldenPath, `${JSON.stringify({ ...golden, feed }, null, 2)}\n`);
      else assert.deepEqual(feed, golden.feed);
    });
  }
}
