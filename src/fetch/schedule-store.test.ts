// The scheduling state (migration 0002) round-trips through both store drivers: set, kept when
// an outcome leaves it out, cleared with null.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Store } from '../store/index.ts';
import { openStore } from '../store/index.ts';
import type { PgCluster } from '../store/testdata/pg-cluster.ts';
import { startPgCluster } from '../store/testdata/pg-cluster.ts';

async function roundTrip(store: Store): Promise<void> {
  const [feed] = await store.syncFeeds([{ url: 'https://a.example/feed', name: 'A' }]);
  assert.ok(feed);
  const at = new Date('2026-11-30T12:00:00Z');
  const next = new Date('2026-11-30T14:00:00Z');
  const error = { code: 'http-status', message: 'fetch: gone' };
  await store.saveFetch(feed.id, { kind: 'failed', at, httpStatus: 410, error, nextFetchAt: next, goneAt: at });
  let [row] = await store.listFeeds();
  assert.deepEqual([row?.nextFetchAt, row?.goneAt, row?.movedTo], [next, at, undefined]);

  await store.saveFetch(feed.id, { kind: 'failed', at, httpStatus: 500, error });
  [row] = await store.listFeeds();
  assert.deepEqual([row?.nextFetchAt, row?.goneAt], [next, at], 'left out: kept');

  await store.saveFetch(feed.id, { kind: 'not-modified', at, httpStatus: 304, validators: {}, nextFetchAt: null, goneAt: null, movedTo: 'https://b.example/feed', refreshSeconds: 7200 });
  [row] = await store.listFeeds();
  assert.deepEqual(
    [row?.nextFetchAt, row?.goneAt, row?.movedTo, row?.refreshSeconds, row?.consecutiveFailures],
    [undefined, undefined, 'https://b.example/feed', 7200, 0],
  );
}

describe('feed scheduling state in the store', () => {
  let cluster: PgCluster;
  let dir: string;
  before(async () => {
    cluster = await startPgCluster();
    dir = await mkdtemp(join(tmpdir(), 'planet-schedule-'));
  });
  after(async () => {
    await cluster.stop();
    await rm(dir, { recursive: true, force: true });
  });

  for (const driver of ['sqlite', 'postgres'] as const) {
    it(`round-trips on ${driver}`, async () => {
      const store = await openStore(driver === 'sqlite' ? join(dir, 'planet.db') : await cluster.createDatabase());
      try {
        await roundTrip(store);
      } finally {
        await store.close();
      }
    });
  }
});
