// The parse workers read exactly what the main thread reads: same feeds, same sanitized
// entries, same errors; a worker that dies fails only the feed it held and is replaced.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { ConfigError, FetchError, FilterError, ParseError, PlanetError, StoreError } from '../model/index.ts';
import { createSanitizePolicy } from '../sanitize/index.ts';
import type { ParsePool } from './parse-pool.ts';
import { createParsePool, parseWorkerCount } from './parse-pool.ts';
import type { ReadRequest } from './read-feed.ts';
import { fromWireError, readFeed, toWireError } from './read-feed.ts';

const parseTestdata = new URL('../parse/testdata/', import.meta.url);
const testFile = (name: string): Buffer => readFileSync(new URL(name, parseTestdata));
const shared = fileURLToPath(new URL('../../../shared/corpus/realworld/', import.meta.url));
const golden = join(shared, 'feedparser-golden.jsonl');

const rss = (items: string): Buffer => Buffer.from(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://site.example/</link>${items}</channel></rss>`);
const hostile = rss(
  '<item><guid>1</guid><title>One</title><pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate>' +
    '<description>&lt;p onclick="x()"&gt;Hi &lt;a href="/rel"&gt;link&lt;/a&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;iframe src="https://www.youtube.com/embed/x"&gt;&lt;/iframe&gt;</description></item>',
);

/** What readFeed throws, or its result: the inline verdict a worker must match. */
function inline(request: ReadRequest): { parsed?: unknown; error?: unknown } {
  try {
    return { parsed: readFeed({ ...request, body: Buffer.from(request.body) }) };
  } catch (error) {
    return { error };
  }
}

describe('parse pool', () => {
  let pool: ParsePool;
  before(async () => {
    pool = createParsePool(2);
    await pool.start();
  });
  after(() => pool.close());

  it('reads in a worker what readFeed reads inline: dates, sanitized HTML, entry options, policies', async () => {
    const policy = createSanitizePolicy({ allowElements: [], denyElements: [], allowAttributes: [], denyAttributes: [], embedVideos: true, removeTrackers: true });
    const requests: ReadRequest[] = [
      { body: hostile, url: 'https://feeds.example/a.xml' },
      { body: hostile, url: 'https://feeds.example/b.xml', sanitize: policy, entryOptions: { ignoreInFeed: ['published'], xmlBase: 'https://base.example/' } },
      { body: hostile, url: 'https://feeds.example/c.xml', sanitize: false },
      { body: testFile('windows-1252.xml'), url: 'https://feeds.example/d.xml', contentType: 'text/xml' },
      { body: testFile('broken.xml'), url: 'https://feeds.example/e.xml', sanitize: policy },
    ];
    const before = pool.counts.worker;
    const read = await Promise.all(requests.map((request) => pool.read({ ...request, body: Buffer.from(request.body) })));
    assert.deepEqual(read, requests.map((request) => inline(request).parsed));
    assert.ok(read[0]?.entries[0]?.published instanceof Date, 'dates survive the trip');
    assert.doesNotMatch(String(read[0]?.entries[0]?.summary), /script|onclick/);
    assert.match(String(read[1]?.entries[0]?.summary), /<iframe/, 'the feed\'s own policy was applied');
    assert.match(String(read[2]?.entries[0]?.summary), /<script>/, 'sanitize: false is kept (the browser proof\'s control run)');
    assert.ok(pool.counts.worker > before, `the workers read (${JSON.stringify(pool.counts)})`);
  });

  it('rejects with the same PlanetError class, code and message as inline', async () => {
    const requests: ReadRequest[] = [
      { body: testFile('html-page.html'), url: 'https://www.example.com/blog/', contentType: 'text/html' },
      { body: Buffer.from(''), url: 'https://feeds.example/empty.xml' },
      { body: Buffer.from('just some text, no feed'), url: 'https://feeds.example/text' },
    ];
    for (const request of requests) {
      const expected = inline(request).error;
      assert.ok(expected instanceof ParseError, request.url);
      const error = await pool.read(request).then(() => undefined, (caught: unknown) => caught);
      assert.ok(error instanceof ParseError, request.url);
      assert.equal(error.code, expected.code);
      assert.equal(error.message, expected.message);
    }
  });

  it(
    'gives the same result as inline for every real-world corpus feed',
    { skip: !existsSync(golden) && 'the shared real-world corpus is not beside this checkout' },
    async () => {
      const paths = readFileSync(golden, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => (JSON.parse(line) as { path: string }).path);
      const requests = paths.map((path): ReadRequest => ({ body: readFileSync(join(shared, '..', '..', path)), url: 'https://sample.example/feed' }));
      const got = await Promise.all(requests.map((request) => pool.read({ ...request, body: Buffer.from(request.body) }).then((parsed) => ({ parsed }), (error: unknown) => ({ error }))));
      const want = requests.map(inline);
      for (const [i, path] of paths.entries()) assert.deepEqual(got[i], want[i], path);
    },
  );
});

describe('a parse worker that dies', () => {
  it('fails only the feed it was reading, and is replaced', async () => {
    // A worker's own heap limit: a feed too big for it kills the worker, not the run.
    const pool = createParsePool(1, { resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 4 } });
    try {
      await pool.start();
      const item = `<item><title>t</title><description>${'x &lt;b&gt;y&lt;/b&gt; '.repeat(200)}</description></item>`;
      const error = await pool.read({ body: rss(item.repeat(5000)), url: 'https://big.example/feed' }).then(() => undefined, (caught: unknown) => caught);
      assert.ok(error instanceof Error && !(error instanceof PlanetError));
      assert.match(error.message, /^parse worker stopped while reading https:\/\/big\.example\/feed \(.*memory.*\)/);
      await pool.start();
      const before = pool.counts.worker;
      const parsed = await pool.read({ body: hostile, url: 'https://small.example/feed' });
      assert.equal(parsed.entries.length, 1);
      assert.equal(pool.counts.worker, before + 1, 'read by the replacement worker');
    } finally {
      await pool.close();
    }
  });
});

describe('parse worker errors cross as the same classes', () => {
  it('round-trips each PlanetError subclass with its code, message and fields', () => {
    const retryAfter = new Date('2026-01-01T00:00:00Z');
    const errors = [
      new ParseError('not-a-feed', 'parse: x is not a feed'),
      new FetchError('http-status', 'fetch: x answered 503', { httpStatus: 503, retryAfter }),
      new ConfigError('config-invalid', 'config: bad'),
      new StoreError('store-query', 'store: bad'),
      new FilterError('filter-plugin', 'filter: bad'),
      new PlanetError('sanitize', 'internal', 'sanitize: bad'),
    ];
    for (const error of errors) {
      const back = fromWireError(structuredClone(toWireError(error)));
      assert.equal(back.constructor, error.constructor);
      assert.deepEqual({ ...back, message: back.message }, { ...error, message: error.message });
    }
    const plain = fromWireError(structuredClone(toWireError(new TypeError('boom'))));
    assert.ok(!(plain instanceof PlanetError));
    assert.equal(plain.message, 'boom');
  });
});

describe('parseWorkerCount', () => {
  it('follows [fetch] workers, and reads inline when it is not set', () => {
    assert.equal(parseWorkerCount(undefined), 0);
    assert.equal(parseWorkerCount(0), 0);
    assert.equal(parseWorkerCount(3), 3);
  });
});
