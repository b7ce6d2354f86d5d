// A `hidden` feed in a real planet (Planet 2.0's meaning): fetched and stored, listed in the
// OPML, but none of its entries published, and its entries take no places of items_per_page.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../config/index.ts';
import { openStore } from '../store/index.ts';
import { buildSite } from './build-site.ts';
import type { TestPlanet } from './testdata/planet-harness.ts';
import { createTestPlanet } from './testdata/planet-harness.ts';
import type { Item } from './testdata/river-server.ts';
import { startRiverServer } from './testdata/river-server.ts';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 5, 1, 12);
const post = (id: string, hoursAgo: number): Item => ({ id: `urn:hidden:${id}`, title: `Post ${id}`, link: `http://site.example/${id}`, date: new Date(T0 - hoursAgo * HOUR) });

describe('a hidden feed in a planet', () => {
  let server: Awaited<ReturnType<typeof startRiverServer>>;
  let p: TestPlanet;
  const loud = ['loud-1', 'loud-2', 'loud-3', 'loud-4'].map((id, i) => post(id, i + 1));
  const quiet = ['quiet-1', 'quiet-2', 'quiet-3', 'quiet-4'].map((id, i) => post(id, 10 + i));
  const titles = [...loud, ...quiet].map((item) => item.title);

  before(async () => {
    server = await startRiverServer();
    server.routes.set('/loud.xml', { items: loud });
    server.routes.set('/quiet.xml', { items: quiet });
    p = await createTestPlanet(server.origin);
    // The newest entries are the hidden feed's: they must not push the shown feed's off the page.
    await writeFile(
      join(p.dir, 'planet.toml'),
      [
        '[planet]', 'name = "Hidden"', 'link = "https://planet.test/"', 'items_per_page = 3', 'archive_entries = 3', '',
        '[[feeds]]', `url = "${server.origin}/loud.xml"`, 'name = "Loud"', 'hidden = true', '',
        '[[feeds]]', `url = "${server.origin}/quiet.xml"`, 'name = "Quiet"', '',
      ].join('\n'),
    );
    await p.run(new Date(T0));
  });
  after(async () => {
    await server.close();
    await p.dispose();
  });

  it('stores its entries', async () => {
    const store = await openStore(join(p.dir, 'planet.db'));
    try {
      const loudFeed = (await store.listFeeds()).find((feed) => feed.url.endsWith('/loud.xml'));
      assert.ok(loudFeed !== undefined);
      assert.equal((await store.listEntries({ feedIds: [loudFeed.id], limit: 10 })).length, 4);
    } finally {
      await store.close();
    }
  });

  it("publishes the other feeds' newest entries, a full page of them, and none of its own", async () => {
    assert.deepEqual(await p.river(titles), ['Post quiet-1', 'Post quiet-2', 'Post quiet-3']);
    const atom = await readFile(join(p.dir, 'output', 'atom.xml'), 'utf8');
    assert.doesNotMatch(atom, /loud-/);
  });

  it('counts only the published entries in the build report', async () => {
    const store = await openStore(join(p.dir, 'planet.db'));
    try {
      const report = await buildSite(await loadConfig(join(p.dir, 'planet.toml')), store, { now: new Date(T0) });
      assert.equal(report.entries, 3);
    } finally {
      await store.close();
    }
  });

  it('lists it in the OPML', async () => {
    const opml = await readFile(join(p.dir, 'output', 'opml.xml'), 'utf8');
    assert.match(opml, /text="Loud"/);
    assert.match(opml, /text="Quiet"/);
  });
});
