import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { faults, startFaultHost } from '../fetch/testdata/fault-server.ts';
import { startServer, testSettings } from '../fetch/test-server.ts';
import type { TestServer } from '../fetch/test-server.ts';
import type { FeedRecord, PlanetConfig } from '../model/index.ts';
import { openStore } from '../store/index.ts';
import type { Store } from '../store/index.ts';
import { avatarFiles, refreshAvatars } from './avatars.ts';

const png = readFileSync(new URL('../avatar/testdata/face.png', import.meta.url));
const ico = readFileSync(new URL('../avatar/testdata/favicon.ico', import.meta.url));
const day = 24 * 60 * 60 * 1000;
const t0 = new Date('2026-11-01T00:00:00Z');
const at = (days: number): Date => new Date(t0.getTime() + days * day);

describe('refreshAvatars', () => {
  let server: TestServer;
  let dir: string;
  let store: Store;
  let feed: FeedRecord;
  let iconDown = false;
  let config: PlanetConfig;

  before(async () => {
    server = await startServer({
      '/': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<link rel="icon" href="/icon.png">'),
      '/icon.png': (req, res) => {
        if (iconDown) return void res.writeHead(503).end();
        if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
        res.writeHead(200, { 'content-type': 'image/png', etag: '"v1"' }).end(png);
      },
      '/logo.ico': (_req, res) => res.writeHead(200, { 'content-type': 'image/x-icon' }).end(ico),
      '/planet/images/jane.png': (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(png),
    });
    dir = await mkdtemp(join(tmpdir(), 'planet-avatar-refresh-'));
    store = await openStore(join(dir, 'planet.db'));
    config = {
      configPath: join(dir, 'planet.toml'),
      planet: { name: 'P', link: 'https://planet.example/', outputDir: dir, database: '', themeDir: '', itemsPerPage: 10, daysPerPage: 0, archiveEntries: 10, summaryLength: 100, timezone: 'UTC', locale: 'en' },
      fetch: testSettings({ allowPrivateNetworks: true }),
      entries: { newFeedItems: 2, futureDates: 'ignore_date', bumpOnUpdate: false, duplicates: 'first-seen', keepPerFeed: 50, keepDays: 0 },
      feeds: [{ url: server.url('/feed'), name: 'Site Icon' }, { url: 'http://127.0.0.1:9/feed', name: 'Nowhere' }],
    };
    const [synced, nowhere] = await store.syncFeeds(config.feeds);
    assert.ok(synced && nowhere);
    await store.saveFetch(synced.id, { kind: 'updated', at: t0, httpStatus: 200, validators: {}, feed: { title: 'S', link: server.url('/') }, entries: [] });
    await store.saveFetch(nowhere.id, { kind: 'updated', at: t0, httpStatus: 200, validators: {}, feed: { title: 'N', link: 'http://127.0.0.1:9/' }, entries: [] });
    feed = { ...synced, siteLink: server.url('/') };
  });

  after(async () => {
    await store.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  const iconRequests = (): Array<string | undefined> =>
    server.seen.filter((r) => r.path === '/icon.png').map((r) => r.headers['if-none-match'] as string | undefined);

  it('finds the site icon, then trusts it for a week, then re-checks it conditionally', async () => {
    const [first] = await refreshAvatars(config, store, [feed], { now: t0 });
    assert.deepEqual(first, { feedId: feed.id, status: 'fetched', sourceUrl: server.url('/icon.png'), problems: [] });
    const [fresh] = await refreshAvatars(config, store, [feed], { now: at(6) });
    assert.equal(fresh?.status, 'fresh');
    assert.deepEqual(iconRequests(), [undefined]);
    const [rechecked] = await refreshAvatars(config, store, [feed], { now: at(8) });
    assert.equal(rechecked?.status, 'not-modified');
    assert.deepEqual(iconRequests(), [undefined, '"v1"']);
    const [record] = await store.listAvatars();
    assert.deepEqual(Buffer.from(record?.body ?? []), png);
    assert.deepEqual(record?.checkedAt, at(8));
  });

  it('keeps the image it has through an outage of the same sources', async () => {
    iconDown = true;
    try {
      const [kept] = await refreshAvatars(config, store, [feed], { now: at(20) });
      assert.equal(kept?.status, 'kept');
      assert.match(kept?.problems.join('\n') ?? '', /icon\.png: .*503/);
      const files = avatarFiles([feed], await store.listAvatars());
      assert.match(files.get(feed.url)?.path ?? '', /^avatars\/[0-9a-f]+\.png$/);
    } finally {
      iconDown = false;
    }
  });

  it('chooses again at once when the feed starts naming its own image', async () => {
    const [changed] = await refreshAvatars(config, store, [feed], { now: at(21), feedImages: new Map([[feed.id, server.url('/logo.ico')]]) });
    assert.equal(changed?.status, 'fetched');
    assert.equal(changed?.sourceUrl, server.url('/logo.ico'));
    const files = avatarFiles([feed], await store.listAvatars());
    assert.match(files.get(feed.url)?.path ?? '', /\.ico$/);
    // Not named in a later run's report (a 304): the stored image URL is still the feed's.
    const [again] = await refreshAvatars(config, store, [feed], { now: at(22) });
    assert.equal(again?.status, 'fresh');
    assert.equal((await store.listAvatars()).find((a) => a.feedId === feed.id)?.feedImage, server.url('/logo.ico'));
  });

  it('falls back to initials for an unreachable site without failing', async () => {
    const nowhere = (await store.listFeeds()).find((f) => f.name === 'Nowhere');
    assert.ok(nowhere);
    const [report] = await refreshAvatars(config, store, [nowhere], { now: t0 });
    assert.equal(report?.status, 'initials');
    assert.match(report?.problems.join('\n') ?? '', /127\.0\.0\.1:9\/: .*refused/);
    assert.equal(report?.problems.length, 1, 'the favicon of a host that refused the page is not tried');
    const file = avatarFiles([nowhere], await store.listAvatars()).get(nowhere.url);
    assert.match(file?.path ?? '', /^avatars\/[0-9a-f]+\.svg$/);
    assert.match(String(file?.body), />N<\/text>/);
  });

  it('reads a home page shared by several feeds once per run', async () => {
    const shared = await store.syncFeeds([{ url: server.url('/a.xml'), name: 'A' }, { url: server.url('/b.xml'), name: 'B' }]);
    for (const f of shared) {
      await store.saveFetch(f.id, { kind: 'updated', at: t0, httpStatus: 200, validators: {}, feed: { link: server.url('/') }, entries: [] });
    }
    const before = server.seen.filter((r) => r.path === '/').length;
    const reports = await refreshAvatars(config, store, shared, { now: t0 });
    assert.deepEqual(reports.map((r) => r.sourceUrl), [server.url('/icon.png'), server.url('/icon.png')]);
    assert.equal(server.seen.filter((r) => r.path === '/').length - before, 1);
  });

  it('reads an INI face as Planet 2.0 templates do: images/<face> under the planet\'s link, before the site icon', async () => {
    const faceConfig: PlanetConfig = {
      ...config,
      planet: { ...config.planet, link: server.url('/planet/') },
      feeds: [{ url: server.url('/face.xml'), name: 'Jane', extra: { face: 'jane.png' } }],
    };
    const [jane] = await store.syncFeeds(faceConfig.feeds);
    assert.ok(jane);
    await store.saveFetch(jane.id, { kind: 'updated', at: t0, httpStatus: 200, validators: {}, feed: { link: server.url('/') }, entries: [] });
    const homePages = server.seen.filter((r) => r.path === '/').length;
    const [report] = await refreshAvatars(faceConfig, store, [jane], { now: t0 });
    assert.equal(report?.sourceUrl, server.url('/planet/images/jane.png'));
    // The face loaded, so the site's home page (the next candidate) is never read: one request per avatar, not two.
    assert.equal(server.seen.filter((r) => r.path === '/').length, homePages);
  });

  it('starts no check once its time (one fetch timeout) is spent, and says so', async () => {
    const before = server.seen.length;
    const late = { ...config, fetch: { ...config.fetch, timeoutMs: 0 } };
    assert.deepEqual(await refreshAvatars(late, store, [feed], { now: at(100), force: true }), [{ feedId: feed.id, status: 'unreached', problems: [] }]);
    assert.equal(server.seen.length, before);
  });

  it('stops every check when its time is spent, however many sources hang one after another', async () => {
    // Hosts that never answer: the avatar's, the feed image's and the site's. On one host the
    // breaker would stop the later fetches; on several, only the time limit does.
    const hosts = await Promise.all(['127.0.0.86', '127.0.0.87', '127.0.0.88'].map((ip) => startFaultHost(ip, { '*': faults.hang })));
    const [a, b, c] = hosts;
    assert.ok(a && b && c);
    try {
      const slow = { url: server.url('/slow-feed'), name: 'Slow', avatar: a.url('/face.png') };
      const hanging = { ...config, fetch: { ...config.fetch, timeoutMs: 1_000 }, feeds: [...config.feeds, slow] };
      const [record] = await store.syncFeeds([slow]);
      assert.ok(record);
      const started = performance.now();
      const reports = await refreshAvatars(hanging, store, [{ ...record, siteLink: c.url('/') }], {
        now: at(200),
        force: true,
        feedImages: new Map([[record.id, b.url('/logo.png')]]),
      });
      const took = performance.now() - started;
      // Each source alone would take its own 1 s timeout, one after another.
      assert.ok(took < 1_700, `hanging sources took ${Math.round(took)} ms; one 1 s limit should bound them all`);
      assert.deepEqual(reports.map((r) => r.status), ['unreached']);
      assert.deepEqual([a.seen.length, b.seen.length], [1, 0], 'the next source is not even asked once the time is spent');
      // Nothing recorded: the sources were stopped, not found wanting, so the next run checks
      // them again instead of showing initials for a week.
      assert.equal((await store.listAvatars()).find((avatar) => avatar.feedId === record.id), undefined);
    } finally {
      await Promise.all(hosts.map((host) => host.close()));
    }
  });

  it('publishes initials when the cache holds bytes that are not an image', () => {
    const files = avatarFiles([feed], [{ feedId: feed.id, validators: {}, body: new TextEncoder().encode('<svg onload="alert(1)"/>') }]);
    assert.match(files.get(feed.url)?.path ?? '', /\.svg$/);
    assert.doesNotMatch(String(files.get(feed.url)?.body), /onload/);
  });
});
