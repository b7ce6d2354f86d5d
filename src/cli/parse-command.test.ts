import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/planet.js', import.meta.url));
const rssFile = fileURLToPath(new URL('../parse/rss/testdata/rss2.xml', import.meta.url));
const htmlFile = fileURLToPath(new URL('../parse/testdata/html-page.html', import.meta.url));

function planet(args: string[], input = ''): { status: number | null; lines: Record<string, unknown>[]; stdout: string } {
  const run = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8' });
  const lines = args.includes('--batch') ? run.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>) : [];
  return { status: run.status, lines, stdout: run.stdout };
}

test('parse --batch: one line per input line, ids echoed, bad lines and files reported, not fatal', () => {
  const input = [
    JSON.stringify({ id: 7, file: rssFile, url: 'https://blog.example.com/feed.xml', headers: { 'Content-Type': 'application/rss+xml', ETag: '"e1"' } }),
    '{not json',
    JSON.stringify({ id: 'missing', file: '/nonexistent/feed.xml' }),
    JSON.stringify({ id: 'page', file: htmlFile }),
    JSON.stringify({ id: 'nofile' }),
  ].join('\n');
  const { status, lines } = planet(['parse', '--batch'], input);
  assert.equal(status, 0);
  assert.deepEqual(lines.map((line) => line.id), [7, null, 'missing', 'page', 'nofile']);
  const first = lines[0]?.result as { version: string; etag: string; entries: { link: string }[] };
  assert.equal(first.version, 'rss20');
  assert.equal(first.etag, '"e1"');
  assert.equal(first.entries[0]?.link, 'https://blog.example.com/2024/01/first');
  assert.match(String(lines[1]?.error), /not JSON/);
  assert.match(String(lines[2]?.error), /nonexistent/);
  // A web page is a verdict on the document (bozo, no entries), as feedparser reports it.
  assert.deepEqual((lines[3]?.result as { bozo: boolean; entries: unknown[] }).entries, []);
  assert.match(String(lines[4]?.error), /"file"/);
});

test('parse FILE prints the feed and its entries; --json prints the feedparser-shaped result', () => {
  const plain = planet(['parse', rssFile]);
  assert.equal(plain.status, 0);
  assert.match(plain.stdout, /^rss20 utf-8: /);
  const json = planet(['parse', rssFile, '--json']);
  assert.equal((JSON.parse(json.stdout) as { version: string }).version, 'rss20');
});
