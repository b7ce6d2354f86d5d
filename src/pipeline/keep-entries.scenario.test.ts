// Entries are never lost to a feed's trouble, and a post is shown once however many feeds
// carry it: real HTTP server, real store, many runs of updatePlanet + buildSite.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Item } from './testdata/river-server.ts';
import { startRiverServer } from './testdata/river-server.ts';
import type { TestPlanet } from './testdata/planet-harness.ts';
import { createTestPlanet } from './testdata/planet-harness.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 10, 12);
const post = (id: string, days: number, extra: Partial<Item> = {}): Item => ({
  id: `urn:keep:${id}`,
  title: `Post ${id}`,
  link: `http://site.example/posts/${id}`,
  date: new Date(T0 + days * DAY),
  ...extra,
});

describe('entries kept and shown once, over many runs', () => {
  let server: Awaited<ReturnType<typeof startRiverServer>>;
  const planets: TestPlanet[] = [];
  before(async () => {
    server = await startRiverServer();
  });
  after(async () => {
    await server.close();
    await Promise.all(planets.map((p) => p.dispose()));
  });

  it('a feed that fails, 304s or empties for 10 runs keeps every entry published, even with tight retention', async () => {
    const p = await createTestPlanet(server.origin);
    planets.push(p);
    const feeds = { fails: [post('f1', -1), post('f2', -2), post('f3', -3)], same: [post('s1', -1.5), post('s2', -2.5)], empties: [post('e1', -0.5), post('e2', -4)] };
    server.routes.set('/fails.xml', { items: feeds.fails });
    server.routes.set('/same.xml', { items: feeds.same });
    server.routes.set('/empties.xml', { items: feeds.empties });
    // Retention as tight as it goes: one entry per feed, one day.
    await p.configure([['/fails.xml', 'Fails'], ['/same.xml', 'Same'], ['/empties.xml', 'Empties']], '[entries]\nkeep_per_feed = 1\nkeep_days = 1');
    await p.run(new Date(T0));
    const known = Object.values(feeds).flat().map((item) => item.title);
    const first = await p.river(known);
    assert.equal(first.length, 7);
    server.routes.set('/fails.xml', { status: 500 });
    server.routes.set('/empties.xml', { items: [] });
    const statuses = new Set<string>();
    for (let n = 1; n <= 10; n++) {
      const report = await p.run(new Date(T0 + n * 10 * DAY));
      for (const feed of report.feeds) statuses.add(`${feed.name}:${feed.status}`);
      assert.equal(report.expunged, 0, `run ${n}`);
      assert.deepEqual(await p.river(known), first, `run ${n}`);
    }
    assert.deepEqual([...statuses].sort(), ['Empties:not-modified', 'Empties:updated', 'Fails:failed', 'Same:not-modified']);
  });

  it('the same post in two feeds is shown once, under the feed that had it first; a redirected duplicate subscription is reported', async () => {
    const p = await createTestPlanet(server.origin);
    planets.push(p);
    const shared = post('shared', -1);
    server.routes.set('/origin.xml', { items: [shared, post('own', -2)] });
    server.routes.set('/aggregator.xml', { items: [{ ...shared, id: 'http://aggregator.example/copy/1' }, post('agg', -3)] });
    server.routes.set('/alias.xml', { redirect: `${server.origin}/origin.xml` });
    await p.configure([['/origin.xml', 'Origin']]);
    await p.run(new Date(T0));
    await p.configure([['/origin.xml', 'Origin'], ['/aggregator.xml', 'Aggregator'], ['/alias.xml', 'Alias']]);
    const report = await p.run(new Date(T0 + DAY));
    assert.deepEqual(report.duplicates, [{ finalUrl: `${server.origin}/origin.xml`, urls: [`${server.origin}/origin.xml`, `${server.origin}/alias.xml`] }]);
    const html = await import('node:fs/promises').then((fs) => fs.readFile(`${p.dir}/output/index.html`, 'utf8'));
    assert.equal(html.split('>Post shared</a>').length - 1, 1, 'shown once');
    assert.deepEqual(await p.river(['Post shared', 'Post own', 'Post agg']), ['Post shared', 'Post own', 'Post agg']);
    const heading = html.slice(0, html.indexOf('>Post shared</a>')).split('<h3>').at(-1) ?? '';
    assert.match(heading, />Origin</);
  });

  it('with duplicates = "config-order" the post is shown under the feed listed first', async () => {
    const p = await createTestPlanet(server.origin);
    planets.push(p);
    server.routes.set('/late-original.xml', { items: [post('pref', -1)] });
    server.routes.set('/early-copy.xml', { items: [post('pref', -1, { id: 'urn:other:pref' })] });
    await p.configure([['/early-copy.xml', 'Copy']]);
    await p.run(new Date(T0));
    await p.configure([['/late-original.xml', 'Original'], ['/early-copy.xml', 'Copy']], '[entries]\nduplicates = "config-order"');
    await p.run(new Date(T0 + DAY));
    const html = await import('node:fs/promises').then((fs) => fs.readFile(`${p.dir}/output/index.html`, 'utf8'));
    assert.equal(html.split('>Post pref</a>').length - 1, 1);
    const heading = html.slice(0, html.indexOf('>Post pref</a>')).split('<h3>').at(-1) ?? '';
    assert.match(heading, />Original</);
  });
});
