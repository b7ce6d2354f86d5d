// `[fetch] workers`: a planet read by parse workers stores, reports and publishes exactly what
// the same planet read on the main thread does, failures included. Real HTTP server, real store.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../config/index.ts';
import { openStore } from '../store/index.ts';
import { buildSite } from './build-site.ts';
import { createParsePool } from './parse-pool.ts';
import type { FeedReader } from './parse-pool.ts';
import type { TestPlanet } from './testdata/planet-harness.ts';
import { createTestPlanet } from './testdata/planet-harness.ts';
import type { UpdateReport } from './update-planet.ts';
import { updatePlanet } from './update-planet.ts';

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const feed = (n: number): string =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${n}</title>` +
  [1, 2, 3].map((i) =>
    `<item><guid>urn:w:${n}:${i}</guid><title>Post ${n}.${i}</title><link>/posts/${n}/${i}</link>` +
    `<pubDate>${new Date(Date.UTC(2026, 0, 1 + i, n)).toUTCString()}</pubDate>` +
    `<description>${escape(`<p onmouseover="steal()">Body ${n}.${i} <a href="/rel/${i}">rel</a></p><script>alert(${n})</script><img src="x.png">`)}</description></item>`,
  ).join('') + '</channel></rss>';

// Path -> [status, content type, body]: 36 good feeds and one of each failure the reader decides.
const routes = new Map<string, [number, string, string]>([
  ...Array.from({ length: 36 }, (_, n): [string, [number, string, string]] => [`/feed/${n}`, [200, 'application/rss+xml', feed(n)]]),
  ['/html', [200, 'text/html', '<!DOCTYPE html><html><head><link rel="alternate" type="application/rss+xml" href="/feed/0"></head><body>blog</body></html>']],
  ['/empty', [200, 'application/rss+xml', '']],
  ['/text', [200, 'text/plain', 'not a feed at all']],
  ['/error', [500, 'text/plain', 'oops']],
]);

describe('parse workers', () => {
  let origin: string;
  let close: () => Promise<void>;
  const planets: TestPlanet[] = [];
  before(async () => {
    const server = createServer((req, res) => {
      const [status, type, body] = routes.get(req.url ?? '') ?? [404, 'text/plain', ''];
      res.writeHead(status, { 'content-type': type }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });
  after(async () => {
    await close();
    await Promise.all(planets.map((p) => p.dispose()));
  });

  /** Runs one planet over every route with `[fetch] workers = n` (or this reader): its report and front page. */
  const runWith = async (workers: number, reader?: FeedReader): Promise<{ report: unknown; page: string }> => {
    const p = await createTestPlanet(origin);
    planets.push(p);
    // The harness writes `extra` right after the [fetch] table's own keys.
    await p.configure([...routes.keys()].map((path) => [path, `Feed ${path}`] as const), `workers = ${workers}`);
    const now = new Date(Date.UTC(2026, 0, 10));
    const config = await loadConfig(join(p.dir, 'planet.toml'));
    const store = await openStore(config.planet.database);
    let report: UpdateReport;
    try {
      report = await updatePlanet(config, store, { now: () => now, reader });
      await buildSite(config, store, { now });
    } finally {
      await store.close();
    }
    const page = await readFile(join(p.dir, 'output', 'index.html'), 'utf8');
    // Timings differ, and so does a failed feed's backoff, which is jittered.
    const feeds = report.feeds.map((f) => ({ ...f, ms: 0, ...(f.status === 'failed' && { nextFetchAt: undefined }) }));
    return { report: { ...report, ms: 0, feeds }, page };
  };

  it('store, report and publish what the main thread does, failures included', async () => {
    const inline = await runWith(0);
    // Started beforehand, so the workers take reads from the first response on.
    const pool = createParsePool(2);
    await pool.start();
    const pooled = await runWith(0, pool).finally(() => pool.close());
    assert.ok(pool.counts.worker > 0, `the workers read (${JSON.stringify(pool.counts)})`);
    assert.deepEqual(pooled.report, inline.report);
    assert.equal(pooled.page, inline.page);
    // And the run's own pool (workers = 2) is closed when updatePlanet returns: this test ends.
    assert.deepEqual((await runWith(2)).report, inline.report);
    const failures = (inline.report as UpdateReport).feeds.filter((f) => f.status === 'failed').map((f) => [f.url.slice(origin.length), f.error?.code]);
    assert.deepEqual(failures, [['/html', 'html-not-feed'], ['/empty', 'empty'], ['/text', 'not-a-feed'], ['/error', 'http-status']]);
    assert.match(pooled.page, /Post 35\.3/);
    assert.doesNotMatch(pooled.page, /steal\(\)|alert\(/);
  });
});
