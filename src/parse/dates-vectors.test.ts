// feedparser's 73 date vectors (../shared/conformance/feedparser/unit-vectors.json) against our
// own date parser. `expected` is what upstream expects of the specialised parser named in the
// vector; where that parser refuses a form (null), ours may refuse it or read it as feedparser's
// generic parser does ("22013" is 2022-01-13 to both).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseDate } from './dates.ts';

const path = fileURLToPath(new URL('../../../shared/conformance/feedparser/unit-vectors.json', import.meta.url));

interface DateVector {
  parser: string;
  input: string;
  expected: string | null;
  debian_6_0_10_generic: string | null;
}

// Python prints year 99 as "99-..."; ours is the ISO form "0099-...".
const normalize = (iso: string | null): string | null => iso && iso.replace(/^(\d{1,3})-/, (_match, year: string) => `${year.padStart(4, '0')}-`);

test('feedparser date vectors', { skip: !existsSync(path) && 'the shared conformance suite is not beside this checkout' }, () => {
  const vectors = (JSON.parse(readFileSync(path, 'utf8')) as { dates: DateVector[] }).dates;
  assert.equal(vectors.length, 73);
  const wrong: string[] = [];
  for (const vector of vectors) {
    const date = parseDate(vector.input);
    const actual = date ? `${date.toISOString().slice(0, 19)}Z` : null;
    const expected = normalize(vector.expected);
    // A form the named parser refuses: ours may refuse it too, or read it as the generic parser does.
    const accepted = expected === null ? [null, normalize(vector.debian_6_0_10_generic)] : [expected];
    if (!accepted.includes(actual)) wrong.push(`${JSON.stringify(vector.input)} (${vector.parser}): expected ${expected}, got ${actual}`);
  }
  assert.deepEqual(wrong, []);
});

test('dates never depend on the machine time zone', () => {
  assert.equal(parseDate('Mon, 26 January 2004 16:31:00 PT')?.toISOString(), '2004-01-27T00:31:00.000Z');
  assert.equal(parseDate('2004년 05월 28일  01:31:15')?.toISOString(), '2004-05-27T16:31:15.000Z');
  assert.equal(parseDate('03335')?.toISOString(), '2003-12-01T00:00:00.000Z');
});
