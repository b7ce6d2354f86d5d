import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { StoreError } from '../model/index.ts';
import { testStore } from './conformance.ts';
import { openStore } from './index.ts';
import { readAppliedMigrations } from './migrate.ts';
import { connectPostgres, redactUrl } from './postgres.ts';
import type { PgCluster } from './testdata/pg-cluster.ts';
import { startPgCluster } from './testdata/pg-cluster.ts';

// A real PostgreSQL: a throwaway cluster started for this file and torn down after it.
// Missing binaries fail the file (with a message naming .ci/run), they do not skip it.
let cluster: PgCluster | undefined;
before(async () => {
  cluster = await startPgCluster();
});
after(async () => {
  await cluster?.stop();
});

function running(): PgCluster {
  if (cluster === undefined) throw new Error('the PostgreSQL cluster did not start');
  return cluster;
}

testStore('postgres', async () => {
  const url = await running().createDatabase();
  return {
    open: () => openStore(url),
    async appliedMigrations() {
      const db = await connectPostgres(url);
      try {
        return await readAppliedMigrations(db, 'postgres');
      } finally {
        await db.destroy();
      }
    },
    // The whole cluster goes at the end; dropping each database would only cost time.
    dispose: async () => undefined,
  };
});

describe('PostgreSQL driver', () => {
  test('an unreachable server is a store-open error that names the URL without its password', async () => {
    const url = running().url.replace(/:\d+\//, ':1/').replace('postgres@', 'planet:s3cret@');
    await assert.rejects(openStore(url), (error: unknown) => {
      assert.ok(error instanceof StoreError, String(error));
      assert.equal(error.code, 'store-open');
      assert.match(error.message, /planet@127\.0\.0\.1:1\/postgres.*Check that PostgreSQL is running/);
      assert.doesNotMatch(error.message, /s3cret/);
      return true;
    });
  });

  test('redactUrl drops only the password', () => {
    assert.equal(redactUrl('postgres://u:p@h:5432/db'), 'postgres://u@h:5432/db');
    assert.equal(redactUrl('postgresql://h/db'), 'postgresql://h/db');
    assert.equal(redactUrl('postgres://u@h/db'), 'postgres://u@h/db');
  });

  test('two stores opening a fresh database at once migrate it once', async () => {
    const url = await running().createDatabase();
    const stores = await Promise.all([openStore(url), openStore(url), openStore(url)]);
    await Promise.all(stores.map((store) => store.close()));
    const db = await connectPostgres(url);
    try {
      const applied = await readAppliedMigrations(db, 'postgres');
      assert.equal(new Set(applied.map((m) => m.name)).size, applied.length);
    } finally {
      await db.destroy();
    }
  });
});
