// Permanent redirects through the real pipeline: proposed by default, applied when
// [fetch] apply_permanent_redirects = true.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseConfig } from '../config/index.ts';
import { updatePlanet } from '../pipeline/index.ts';
import { openStore } from '../store/index.ts';
import type { FaultHost } from './testdata/fault-server.ts';
import { feedRoute, redirectRoute, rssFeed, startFaultHost } from './testdata/fault-server.ts';

describe('permanent redirects', () => {
  let host: FaultHost;
  let dir: string;

  before(async () => {
    host = await startFaultHost('127.0.0.90', { '/feed': redirectRoute(308, '/new-home'), '/new-home': feedRoute(() => rssFeed('moved')) });
    dir = await mkdtemp(join(tmpdir(), 'planet-moves-'));
  });
  after(async () => {
    await host.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Runs the planet twice and returns the paths the server saw in the second run, and the reports. */
  async function twice(apply: boolean) {
    const config = parseConfig(
      `[planet]\nname = "M"\nlink = "https://m.test/"\ndatabase = "${apply}.db"\n\n[fetch]\napply_permanent_redirects = ${apply}\n\n[[feeds]]\nurl = "${host.url('/feed')}"\nname = "moved"`,
      join(dir, 'planet.toml'),
    );
    const store = await openStore(config.planet.database);
    try {
      const first = await updatePlanet(config, store);
      const before = host.seen.length;
      const second = await updatePlanet(config, store);
      return { first, second, paths: host.seen.slice(before).map((r) => r.path), row: (await store.listFeeds())[0] };
    } finally {
      await store.close();
    }
  }

  it('proposes the new URL and keeps fetching the configured one by default', async () => {
    const { first, second, paths, row } = await twice(false);
    assert.equal(first.feeds[0]?.movedTo, host.url('/new-home'));
    assert.equal(row?.movedTo, host.url('/new-home'));
    assert.deepEqual(paths, ['/feed', '/new-home']);
    assert.equal(second.feeds[0]?.status, 'not-modified');
    assert.equal(second.feeds[0]?.movedTo, host.url('/new-home'), 'still proposed');
  });

  it('fetches from the new URL once applied, with conditional requests', async () => {
    const { second, paths, row } = await twice(true);
    assert.deepEqual(paths, ['/new-home']);
    assert.equal(second.feeds[0]?.status, 'not-modified');
    assert.equal(row?.movedTo, host.url('/new-home'), 'the move stays recorded');
    assert.equal(row?.url, host.url('/feed'), 'the feed keeps its identity');
  });
});
