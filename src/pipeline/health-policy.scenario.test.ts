// The [health] policy over several real runs: a feed past hide_after_failures or
// hide_after_stale_days leaves the river and the subscription list (OPML), and comes back
// at the first build after it recovers, with nobody editing the config.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { TestPlanet } from './testdata/planet-harness.ts';
import { createTestPlanet } from './testdata/planet-harness.ts';
import type { Item } from './testdata/river-server.ts';
import { startRiverServer } from './testdata/river-server.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 5, 1, 12);
const post = (id: string, at: number): Item => ({ id: `urn:health:${id}`, title: `Post ${id}`, link: `http://site.example/${id}`, date: new Date(at) });

describe('the [health] policy hides a feed past its limits and shows it again when it recovers', () => {
  let server: Awaited<ReturnType<typeof startRiverServer>>;
  const planets: TestPlanet[] = [];
  before(async () => {
    server = await startRiverServer();
  });
  after(async () => {
    await server.close();
    await Promise.all(planets.map((p) => p.dispose()));
  });

  /** What the published site shows of the feed at `path`: its posts in the river, its line in the OPML. */
  async function shown(p: TestPlanet, path: string, titles: string[]): Promise<{ river: string[]; opml: boolean }> {
    const opml = await readFile(join(p.dir, 'output', 'opml.xml'), 'utf8');
    return { river: await p.river(titles), opml: opml.includes(`${server.origin}${path}`) };
  }

  it('hide_after_failures: hidden from the second failure in a row, back after one good fetch', async () => {
    const p = await createTestPlanet(server.origin);
    planets.push(p);
    const flaky = [post('flaky', T0 - DAY)];
    server.routes.set('/flaky.xml', { items: flaky });
    server.routes.set('/steady.xml', { items: [post('steady', T0 - DAY)] });
    await p.configure([['/flaky.xml', 'Flaky'], ['/steady.xml', 'Steady']], '[health]\nhide_after_failures = 2');
    const titles = ['Post flaky'];
    await p.run(new Date(T0));
    assert.deepEqual(await shown(p, '/flaky.xml', titles), { river: titles, opml: true });

    server.routes.set('/flaky.xml', { status: 500 });
    await p.run(new Date(T0 + DAY));
    assert.deepEqual(await shown(p, '/flaky.xml', titles), { river: titles, opml: true }, 'one failure is below the limit');
    await p.run(new Date(T0 + 2 * DAY));
    assert.deepEqual(await shown(p, '/flaky.xml', titles), { river: [], opml: false }, 'two failures in a row hide it');
    assert.deepEqual(await shown(p, '/steady.xml', ['Post steady']), { river: ['Post steady'], opml: true });

    server.routes.set('/flaky.xml', { items: flaky });
    await p.run(new Date(T0 + 3 * DAY));
    assert.deepEqual(await shown(p, '/flaky.xml', titles), { river: titles, opml: true }, 'a good fetch brings it back');
  });

  it('hide_after_stale_days: hidden while its newest post is older, back when it posts again', async () => {
    const p = await createTestPlanet(server.origin);
    planets.push(p);
    const old = post('quiet-old', T0 - DAY);
    server.routes.set('/quiet.xml', { items: [old] });
    server.routes.set('/busy.xml', { items: [post('busy', T0 - DAY)] });
    await p.configure([['/quiet.xml', 'Quiet'], ['/busy.xml', 'Busy']], '[health]\nhide_after_stale_days = 30');
    const titles = ['Post quiet-new', 'Post quiet-old'];
    await p.run(new Date(T0));
    assert.deepEqual(await shown(p, '/quiet.xml', titles), { river: ['Post quiet-old'], opml: true });

    await p.run(new Date(T0 + 29 * DAY));
    assert.deepEqual(await shown(p, '/quiet.xml', titles), { river: ['Post quiet-old'], opml: true }, '30 days is not past the limit');
    await p.run(new Date(T0 + 32 * DAY));
    assert.deepEqual(await shown(p, '/quiet.xml', titles), { river: [], opml: false }, 'stale past 30 days');

    server.routes.set('/quiet.xml', { items: [post('quiet-new', T0 + 33 * DAY), old] });
    await p.run(new Date(T0 + 33 * DAY + 3600_000));
    assert.deepEqual(await shown(p, '/quiet.xml', titles), { river: titles, opml: true }, 'a new post brings it back');
  });

  it('hides nothing when [health] is left out, however long a feed fails', async () => {
    const p = await createTestPlanet(server.origin);
    planets.push(p);
    server.routes.set('/down.xml', { items: [post('down', T0 - DAY)] });
    await p.configure([['/down.xml', 'Down']]);
    await p.run(new Date(T0));
    server.routes.set('/down.xml', { status: 503 });
    for (let n = 1; n <= 5; n++) await p.run(new Date(T0 + n * 40 * DAY));
    assert.deepEqual(await shown(p, '/down.xml', ['Post down']), { river: ['Post down'], opml: true });
  });
});
