// One planet with a feed per fault behaviour, run through the real pipeline into a real SQLite
// store: each test asserts what was recorded on the feed's row and in the run's report, then
// the later runs check conditional requests, backoff, gone and --force.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseConfig } from '../config/index.ts';
import type { FeedRecord, PlanetConfig } from '../model/index.ts';
import type { FeedReport, UpdateReport } from '../pipeline/index.ts';
import { buildSite, updatePlanet } from '../pipeline/index.ts';
import type { Store } from '../store/index.ts';
import { openStore } from '../store/index.ts';
import { BACKOFF_BASE_MS } from './schedule.ts';
import type { FaultHost, FaultRoute } from './testdata/fault-server.ts';
import { faults, feedRoute, redirectRoute, rssFeed, startFaultHost } from './testdata/fault-server.ts';

// Generous beside the fault routes' own timing: the first run of a process also loads modules
// lazily (through tsx's loader), which can stall the event loop for a few hundred milliseconds.
const DEADLINE_MS = 3_000;
const keyOf = (path: string | undefined): string => (path ?? '/').replace(/\W/g, '') || 'root';

describe('the recorded state of each fault behaviour', () => {
  const hosts: FaultHost[] = [];
  const feeds: Record<string, string> = {};
  let target: FaultHost;
  let dir: string;
  let store: Store;
  let config: PlanetConfig;
  let first: UpdateReport;
  let flakyBroken = false;
  let runStarted = 0;

  async function host(name: string, routes: Record<string, FaultRoute>, path = '/feed'): Promise<FaultHost> {
    const started = await startFaultHost(`127.0.0.${20 + hosts.length}`, routes);
    hosts.push(started);
    feeds[name] = started.url(path);
    return started;
  }
  const record = async (name: string): Promise<FeedRecord> => {
    const found = (await store.listFeeds()).find((feed) => feed.name === name);
    assert.ok(found, `no feed row for ${name}`);
    return found;
  };
  const reportOf = (report: UpdateReport, name: string): FeedReport => {
    const found = report.feeds.find((feed) => feed.name === name);
    assert.ok(found, `no report for ${name}`);
    return found;
  };
  const failedWith = async (name: string, code: string): Promise<FeedRecord> => {
    const report = reportOf(first, name);
    assert.equal(report.status, 'failed', JSON.stringify(report));
    assert.equal(report.error?.code, code, report.error?.message);
    const row = await record(name);
    assert.equal(row.lastError?.code, code);
    assert.equal(row.consecutiveFailures, 1);
    // Backoff: the first failure waits 30 min, less up to 20 % jitter.
    const wait = (row.nextFetchAt?.getTime() ?? 0) - runStarted;
    assert.ok(wait >= BACKOFF_BASE_MS * 0.8 - 1000 && wait <= BACKOFF_BASE_MS + 60_000, `backoff of ${wait} ms`);
    const entries = await store.listEntries({ feedIds: [row.id], limit: 10 });
    assert.deepEqual(entries, [], 'a failed feed stores no entries');
    return row;
  };

  before(async () => {
    // Outside the allowed hosts: the guard must keep every request away from it.
    target = await startFaultHost('127.0.0.1', { '*': feedRoute(() => rssFeed('private')) });
    const normal = await host('normal', { '*': feedRoute((req) => rssFeed(keyOf(req.url))) });
    for (const [name, route] of Object.entries(faults)) await host(name, { '*': route });
    await host('chain', {
      '/feed': redirectRoute(302, '/two'),
      '/two': redirectRoute(307, '/three'),
      '/three': redirectRoute(302, normal.url('/chained')),
    });
    await host('loop', { '/feed': redirectRoute(302, '/other'), '/other': redirectRoute(302, '/feed') });
    await host('moved', { '/feed': redirectRoute(301, '/new-home'), '/new-home': feedRoute(() => rssFeed('moved')) });
    await host('temporary', { '/feed': redirectRoute(302, '/today'), '/today': feedRoute(() => rssFeed('temporary')) });
    await host('private', { '/feed': redirectRoute(302, target.url('/feed')) });
    await host('flaky', {
      '*': (req, res, at) => (flakyBroken ? res.writeHead(500).end() : feedRoute(() => rssFeed('flaky'))(req, res, at)),
    });
    await host('ttl', { '*': feedRoute(() => rssFeed('ttl', '<ttl>120</ttl>')) });
    await host('maxage', { '*': feedRoute(() => rssFeed('maxage'), { 'cache-control': 'public, max-age=600' }) });

    dir = await mkdtemp(join(tmpdir(), 'planet-faults-'));
    const toml = [
      '[planet]\nname = "Faults"\nlink = "https://planet.test/"\noutput_dir = "out"',
      `[fetch]\ntimeout = ${DEADLINE_MS / 1000}\nmax_size = 262144\nallow_private_networks = false\nallow_hosts = ${JSON.stringify(hosts.map((h) => h.ip))}\nrespect_feed_ttl = true`,
      ...Object.entries(feeds).map(([name, url]) => `[[feeds]]\nurl = "${url}"\nname = "${name}"`),
    ].join('\n\n');
    config = parseConfig(toml, join(dir, 'planet.toml'));
    store = await openStore(config.planet.database);
    runStarted = Date.now();
    first = await updatePlanet(config, store);
  });

  after(async () => {
    await store.close();
    await Promise.all([target, ...hosts].map((h) => h.close()));
    await rm(dir, { recursive: true, force: true });
  });

  it('normal feed: updated, entries and validators stored', async () => {
    assert.equal(reportOf(first, 'normal').status, 'updated');
    const row = await record('normal');
    assert.equal(row.lastHttpStatus, 200);
    assert.match(row.validators.etag ?? '', /^"[0-9a-f]{16}"$/);
    assert.equal(row.consecutiveFailures, 0);
    assert.equal(row.nextFetchAt, undefined);
    assert.equal((await store.listEntries({ feedIds: [row.id], limit: 10 }))[0]?.title, 'feed one');
  });

  it('hang before headers: timeout at the deadline', async () => {
    const row = await failedWith('hang', 'timeout');
    assert.match(row.lastError?.message ?? '', /timed out after 3 s/);
    assert.ok(reportOf(first, 'hang').ms < DEADLINE_MS + 1_000);
  });
  it('slow drip body: timeout at the deadline', async () => {
    await failedWith('drip', 'timeout');
    assert.ok(reportOf(first, 'drip').ms < DEADLINE_MS + 1_000);
  });
  it('connection reset mid-body: connection-reset', async () => {
    await failedWith('reset', 'connection-reset');
  });
  it('HTTP 500: http-status, backed off', async () => assert.equal((await failedWith('status500', 'http-status')).lastHttpStatus, 500));
  it('HTTP 404: http-status, backed off', async () => assert.equal((await failedWith('status404', 'http-status')).lastHttpStatus, 404));

  it('HTTP 410: the feed is marked gone', async () => {
    assert.equal(reportOf(first, 'status410').status, 'gone');
    const row = await record('status410');
    assert.equal(row.lastHttpStatus, 410);
    assert.ok(row.goneAt !== undefined && row.goneAt.getTime() >= runStarted);
  });

  it('HTTP 429 with Retry-After in seconds: next fetch in two hours', async () => {
    const report = reportOf(first, 'status429');
    assert.equal(report.error?.code, 'http-status');
    const wait = ((await record('status429')).nextFetchAt?.getTime() ?? 0) - runStarted;
    assert.ok(wait >= 7_200_000 - 1_000 && wait <= 7_200_000 + 10_000, `waits ${wait} ms`);
  });

  it('HTTP 503 with Retry-After as a date: next fetch at that date', async () => {
    const wait = ((await record('status503')).nextFetchAt?.getTime() ?? 0) - runStarted;
    // An HTTP-date has whole seconds.
    assert.ok(wait >= 3 * 3_600_000 - 2_000 && wait <= 3 * 3_600_000 + 10_000, `waits ${wait} ms`);
  });

  it('redirect chain: followed, every hop reported, no move proposed', async () => {
    const report = reportOf(first, 'chain');
    assert.equal(report.status, 'updated');
    assert.deepEqual(
      report.redirects.map((hop) => hop.status),
      [302, 307, 302],
    );
    assert.equal(report.movedTo, undefined);
    assert.equal((await record('chain')).movedTo, undefined);
  });

  it('redirect loop: too-many-redirects, naming the loop', async () => {
    const row = await failedWith('loop', 'too-many-redirects');
    assert.match(row.lastError?.message ?? '', /in a loop/);
  });

  it('301 to a new URL: updated, and the new URL proposed in the report and on the row', async () => {
    const report = reportOf(first, 'moved');
    assert.equal(report.status, 'updated');
    assert.equal(report.movedTo, feeds.moved?.replace('/feed', '/new-home'));
    assert.equal((await record('moved')).movedTo, report.movedTo);
  });

  it('302: followed, not recorded as a move', async () => {
    const report = reportOf(first, 'temporary');
    assert.equal(report.status, 'updated');
    assert.equal(report.redirects.length, 1);
    assert.equal((await record('temporary')).movedTo, undefined);
  });

  it('gzip bomb: too-large', async () => {
    await failedWith('gzipBomb', 'too-large');
  });
  it('1 GB body: too-large', async () => {
    await failedWith('hugeBody', 'too-large');
  });
  it('wrong Content-Encoding: bad-encoding', async () => {
    await failedWith('wrongEncoding', 'bad-encoding');
  });
  it('empty 200: empty, nothing stored', async () => {
    await failedWith('empty200', 'empty');
  });

  it('HTML page: html-not-feed naming the feed it advertises, nothing stored', async () => {
    const row = await failedWith('htmlPage', 'html-not-feed');
    assert.ok(row.lastError?.message.includes(`${new URL(feeds.htmlPage ?? '').origin}/feed.xml`), row.lastError?.message);
  });

  it('redirect to a private address with the guard on: blocked-address, and the address never reached', async () => {
    const row = await failedWith('private', 'blocked-address');
    assert.match(row.lastError?.message ?? '', /127\.0\.0\.1/);
    assert.deepEqual(target.seen, []);
  });

  it('feed TTL and Cache-Control max-age are kept as the next fetch time', async () => {
    const ttl = ((await record('ttl')).nextFetchAt?.getTime() ?? 0) - runStarted;
    assert.ok(ttl >= 7_200_000 - 1_000 && ttl <= 7_200_000 + 10_000, `ttl waits ${ttl} ms`);
    const maxAge = ((await record('maxage')).nextFetchAt?.getTime() ?? 0) - runStarted;
    assert.ok(maxAge >= 600_000 - 1_000 && maxAge <= 600_000 + 10_000, `max-age waits ${maxAge} ms`);
  });

  it('a second run sends conditional requests and gets 304s, and skips feeds in backoff or gone', async () => {
    flakyBroken = true;
    const before = new Map(hosts.map((h) => [h.ip, h.seen.length]));
    const second = await updatePlanet(config, store);
    const sentSince = (name: string): number => {
      const at = hosts.find((h) => feeds[name]?.startsWith(h.origin));
      return (at?.seen.length ?? 0) - (before.get(at?.ip ?? '') ?? 0);
    };
    assert.equal(reportOf(second, 'normal').status, 'not-modified');
    const conditional = hosts.find((h) => h.url('/feed') === feeds.normal)?.seen.at(-1);
    assert.ok(conditional?.headers['if-none-match'], 'sent If-None-Match');
    for (const name of ['status500', 'hang', 'gzipBomb', 'ttl', 'maxage', 'status429']) {
      assert.equal(reportOf(second, name).status, 'skipped-backoff', name);
      assert.equal(sentSince(name), 0, `${name} was not requested`);
    }
    assert.equal(reportOf(second, 'status410').status, 'gone');
    assert.equal(sentSince('status410'), 0);
    assert.equal(reportOf(second, 'flaky').status, 'failed');
    assert.equal((await record('status500')).consecutiveFailures, 1, 'a skipped feed is not a new failure');
  });

  it('entries from earlier successful fetches of a feed that now fails are still published', async () => {
    const flaky = await record('flaky');
    assert.equal(flaky.lastError?.code, 'http-status');
    await buildSite(config, store);
    const html = await readFile(join(dir, 'out', 'index.html'), 'utf8');
    assert.match(html, /flaky one/);
  });

  it('--force fetches feeds in backoff and gone ones; failures in a row keep counting', async () => {
    const third = await updatePlanet(config, store, { force: true });
    assert.equal(reportOf(third, 'status500').status, 'failed');
    assert.equal(reportOf(third, 'status410').status, 'gone');
    assert.equal(reportOf(third, 'ttl').status, 'not-modified');
    // A 304 has no body: the ttl remembered from the last 200 still sets the next fetch.
    const ttlWait = ((await record('ttl')).nextFetchAt?.getTime() ?? 0) - Date.now();
    assert.ok(ttlWait >= 7_200_000 - 5_000 && ttlWait <= 7_200_000, `ttl waits ${ttlWait} ms after a 304`);
    const row = await record('status500');
    assert.equal(row.consecutiveFailures, 2);
    // The second failure waits about twice as long as the first.
    const wait = (row.nextFetchAt?.getTime() ?? 0) - Date.now();
    assert.ok(wait >= 2 * BACKOFF_BASE_MS * 0.8 - 5_000 && wait <= 2 * BACKOFF_BASE_MS, `waits ${wait} ms`);
  });
});
