// One scenario per re-dating case: a real HTTP server, the real store and several runs of
// updatePlanet + buildSite, asserting the order of the published river after each run.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Item } from './testdata/river-server.ts';
import { startRiverServer } from './testdata/river-server.ts';
import type { TestPlanet } from './testdata/planet-harness.ts';
import { createTestPlanet } from './testdata/planet-harness.ts';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 10, 12);
/** The planet's clock at run `n` (one run an hour). */
const runAt = (n: number): Date => new Date(T0 + n * HOUR);
/** A post dated `hours` after T0 (negative: before). */
const post = (id: string, hours?: number, extra: Partial<Item> = {}): Item => ({
  id: `urn:test:${id}`,
  title: `Post ${id}`,
  link: `http://site.example/posts/${id}`,
  ...(hours !== undefined && { date: new Date(T0 + hours * HOUR) }),
  ...extra,
});
const titles = (items: readonly Item[]): string[] => items.map((item) => item.title);

describe('re-dating defence, over several runs', () => {
  let server: Awaited<ReturnType<typeof startRiverServer>>;
  const planets: TestPlanet[] = [];
  const planet = async (): Promise<TestPlanet> => {
    const p = await createTestPlanet(server.origin);
    planets.push(p);
    return p;
  };
  before(async () => {
    server = await startRiverServer();
  });
  after(async () => {
    await server.close();
    await Promise.all(planets.map((p) => p.dispose()));
  });

  it('undated entries are placed when first seen, and stay there as new ones arrive', async () => {
    const p = await planet();
    await p.configure([['/undated.xml', 'Undated']]);
    const all = ['u1', 'u2', 'u3', 'u4'].map((id) => post(id));
    server.routes.set('/undated.xml', { items: [all[1], all[0]] as Item[] });
    await p.run(runAt(0));
    assert.deepEqual(await p.river(titles(all)), ['Post u2', 'Post u1']);
    for (let n = 1; n <= 3; n++) {
      // u3 appears at run 2, u4 at run 3; every run fetches the same undated items again.
      const shown = all.slice(0, n >= 2 ? n + 1 : 2).toReversed();
      server.routes.set('/undated.xml', { items: shown });
      await p.run(runAt(n));
    }
    assert.deepEqual(await p.river(titles(all)), ['Post u4', 'Post u3', 'Post u2', 'Post u1']);
  });

  it('a future date is clamped to first seen by default: later posts go above it', async () => {
    const p = await planet();
    await p.configure([['/future.xml', 'Future']]);
    const future = post('f', 24 * 365);
    server.routes.set('/future.xml', { items: [future, post('old', -5)] });
    await p.run(runAt(0));
    server.routes.set('/future.xml', { items: [future, post('next', 2), post('old', -5)] });
    await p.run(runAt(3));
    await p.run(runAt(4));
    assert.deepEqual(await p.river(['Post f', 'Post next', 'Post old']), ['Post next', 'Post f', 'Post old']);
  });

  it('future_dates = "keep" leaves it on top; "ignore_entry" leaves it out', async () => {
    const keep = await planet();
    const skip = await planet();
    server.routes.set('/future2.xml', { items: [post('f2', 24 * 365), post('next2', 2), post('old2', -5)] });
    await keep.configure([['/future2.xml', 'Future']], '[entries]\nfuture_dates = "keep"');
    await skip.configure([['/future2.xml', 'Future']], '[entries]\nfuture_dates = "ignore_entry"');
    for (const n of [3, 4]) {
      await keep.run(runAt(n));
      await skip.run(runAt(n));
    }
    const known = ['Post f2', 'Post next2', 'Post old2'];
    assert.deepEqual(await keep.river(known), known);
    assert.deepEqual(await skip.river(known), ['Post next2', 'Post old2']);
  });

  it('a feed re-stamping every date on each request does not move its posts', async () => {
    const p = await planet();
    await p.configure([['/restamp.xml', 'Restamp'], ['/steady.xml', 'Steady']]);
    server.routes.set('/steady.xml', { items: [post('s1', -2), post('s2', -30)] });
    const restamped = (hours: number): Item[] => ['r1', 'r2', 'r3'].map((id, i) => post(id, hours - i * 0.1));
    server.routes.set('/restamp.xml', { items: restamped(-10) });
    await p.run(runAt(0));
    const first = await p.river(['Post s1', 'Post s2', 'Post r1', 'Post r2', 'Post r3']);
    assert.deepEqual(first, ['Post s1', 'Post r1', 'Post r2', 'Post r3', 'Post s2']);
    for (let n = 1; n <= 4; n++) {
      server.routes.set('/restamp.xml', { items: restamped(n) });
      await p.run(runAt(n));
      assert.deepEqual(await p.river(first), first, `run ${n}`);
    }
  });

  it('a feed re-issuing its posts under new ids (and new dates) neither repeats nor moves them', async () => {
    const p = await planet();
    await p.configure([['/reid.xml', 'Reid'], ['/other.xml', 'Other']]);
    server.routes.set('/other.xml', { items: [post('o1', -3)] });
    const items = [post('i1', -1), post('i2', -5)];
    server.routes.set('/reid.xml', { items });
    await p.run(runAt(0));
    const first = await p.river(['Post i1', 'Post i2', 'Post o1']);
    assert.deepEqual(first, ['Post i1', 'Post o1', 'Post i2']);
    for (const n of [1, 2, 3]) {
      server.routes.set('/reid.xml', { items: items.map((item) => ({ ...item, id: `${item.id}?v=${n}`, date: runAt(n) })) });
      await p.run(runAt(n));
      const html = await import('node:fs/promises').then((fs) => fs.readFile(`${p.dir}/output/index.html`, 'utf8'));
      assert.equal(html.split('>Post i1</a>').length - 1, 1, `run ${n}: shown once`);
      assert.deepEqual(await p.river(first), first, `run ${n}`);
    }
  });

  it('a really edited post keeps its place by default, and moves up with bump_on_update', async () => {
    const still = await planet();
    const bump = await planet();
    await still.configure([['/edit.xml', 'Edit']]);
    await bump.configure([['/edit.xml', 'Edit']], '[entries]\nbump_on_update = true');
    const items = [post('e1', -1), post('e2', -2), post('e3', -3)];
    server.routes.set('/edit.xml', { items });
    await still.run(runAt(0));
    await bump.run(runAt(0));
    server.routes.set('/edit.xml', { items: items.map((item) => (item.id === 'urn:test:e3' ? { ...item, content: '<p>Rewritten.</p>' } : item)) });
    for (const n of [1, 2]) {
      await still.run(runAt(n));
      await bump.run(runAt(n));
    }
    const known = titles(items);
    assert.deepEqual(await still.river(known), ['Post e1', 'Post e2', 'Post e3']);
    assert.deepEqual(await bump.river(known), ['Post e3', 'Post e1', 'Post e2']);
  });

  it('a feed added to a running planet publishes only new_feed_items of its back catalogue', async () => {
    const p = await planet();
    server.routes.set('/running.xml', { items: [post('a1', -1), post('a2', -20)] });
    const catalogue = Array.from({ length: 8 }, (_, i) => post(`b${i}`, -2 - i));
    server.routes.set('/catalogue.xml', { items: catalogue });
    await p.configure([['/running.xml', 'Running']]);
    await p.run(runAt(0));
    await p.configure([['/running.xml', 'Running'], ['/catalogue.xml', 'Catalogue']]);
    await p.run(runAt(1));
    const known = ['Post a1', 'Post a2', ...titles(catalogue)];
    assert.deepEqual(await p.river(known), ['Post a1', 'Post b0', 'Post b1', 'Post a2']);
    // Its next post is published as usual; the hidden back catalogue stays hidden.
    server.routes.set('/catalogue.xml', { items: [post('b-new', 1.5), ...catalogue] });
    await p.run(runAt(2));
    assert.deepEqual(await p.river([...known, 'Post b-new']), ['Post b-new', 'Post a1', 'Post b0', 'Post b1', 'Post a2']);
  });

  it("on a planet's very first run every feed's entries are placed by their own dates", async () => {
    const p = await planet();
    server.routes.set('/first-a.xml', { items: [post('fa1', -1), post('fa2', -5), post('fa3', -9)] });
    server.routes.set('/first-b.xml', { items: [post('fb1', -2), post('fb2', -6), post('fb3', -10), post('fb4', -11)] });
    await p.configure([['/first-a.xml', 'A'], ['/first-b.xml', 'B']]);
    await p.run(runAt(0));
    const known = ['Post fa1', 'Post fb1', 'Post fa2', 'Post fb2', 'Post fa3', 'Post fb3', 'Post fb4'];
    assert.deepEqual(await p.river(known), known);
  });

  it('a store rebuilt from scratch does not bring old posts to the top', async () => {
    const p = await planet();
    await p.configure([['/rebuild-a.xml', 'A'], ['/rebuild-b.xml', 'B']]);
    const a = [post('ra1', -1), post('ra2', -48), post('ra3', -24 * 30)];
    const b = [post('rb1', -3), post('rb2', -24 * 7)];
    server.routes.set('/rebuild-a.xml', { items: a });
    server.routes.set('/rebuild-b.xml', { items: b });
    await p.run(runAt(0));
    server.routes.set('/rebuild-a.xml', { items: [post('ra0', 5), ...a] });
    await p.run(runAt(6));
    const known = titles([post('ra0'), ...a, ...b]);
    const before = await p.river(known);
    assert.deepEqual(before, ['Post ra0', 'Post ra1', 'Post rb1', 'Post ra2', 'Post rb2', 'Post ra3']);
    const { rm } = await import('node:fs/promises');
    await rm(`${p.dir}/planet.db`);
    await p.run(runAt(30));
    await p.run(runAt(31));
    assert.deepEqual(await p.river(known), before);
  });
});
