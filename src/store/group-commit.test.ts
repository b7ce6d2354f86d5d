import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Kysely, Transaction } from 'kysely';
import { createGroupCommit } from './group-commit.ts';
import { migrateToLatest } from './migrate.ts';
import { connectPostgres } from './postgres.ts';
import type { Database, SqlDialect } from './schema.ts';
import { connectSqlite } from './sqlite.ts';
import type { PgCluster } from './testdata/pg-cluster.ts';
import { startPgCluster } from './testdata/pg-cluster.ts';

/** Two connections to one fresh, migrated database: one for the units, one to look from outside. */
interface Databases {
  db: Kysely<Database>;
  observer: Kysely<Database>;
  close(): Promise<void>;
}

const addFeed = (url: string) => async (trx: Transaction<Database>): Promise<string> => {
  await trx.insertInto('feeds').values({ url, name: url, created_at: 0 }).execute();
  return url;
};

async function urls(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('feeds').select('url').orderBy('url').execute()).map((row) => row.url);
}

function groupCommitRules(dialect: SqlDialect, open: () => Promise<Databases>): void {
  const withDatabases = async (body: (dbs: Databases) => Promise<void>): Promise<void> => {
    const dbs = await open();
    try {
      await body(dbs);
    } finally {
      await dbs.close();
    }
  };

  describe(`group commit: ${dialect}`, () => {
    test('units queued together share one transaction, and each settles only once it is committed', () =>
      withDatabases(async ({ db, observer }) => {
        let transactions = 0;
        const run = createGroupCommit(db, async () => void (transactions += 1));
        // What another connection sees when each unit settles: committed work only.
        const seen = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((url) => run(addFeed(url)).then(async (done) => (await urls(observer)).includes(done))));
        assert.deepEqual(seen, [true, true, true, true, true]);
        assert.equal(transactions, 1);
        assert.deepEqual(await urls(observer), ['a', 'b', 'c', 'd', 'e']);
      }));

    test('a unit that throws undoes its own writes alone and rejects with its own error', () =>
      withDatabases(async ({ db, observer }) => {
        const run = createGroupCommit(db);
        const results = await Promise.allSettled([
          run(addFeed('a')),
          run(async (trx) => {
            await addFeed('b')(trx);
            throw new Error('unit b failed');
          }),
          run(addFeed('c')),
          // A failing statement: PostgreSQL aborts the transaction until the savepoint is rolled back.
          run(async (trx) => {
            await addFeed('d')(trx);
            return addFeed('a')(trx);
          }),
          run(addFeed('e')),
        ]);
        assert.deepEqual(results.map((result) => result.status), ['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
        assert.match(String((results[1] as PromiseRejectedResult).reason), /unit b failed/);
        assert.match(String((results[3] as PromiseRejectedResult).reason), /unique|UNIQUE/);
        assert.deepEqual(await urls(observer), ['a', 'c', 'e']);
      }));

    test('a first unit that throws fails alone; the units behind it are still stored', () =>
      withDatabases(async ({ db, observer }) => {
        const run = createGroupCommit(db);
        const results = await Promise.allSettled([
          run(async (trx) => {
            await addFeed('a')(trx);
            throw new Error('unit a failed');
          }),
          run(addFeed('b')),
          run(addFeed('c')),
        ]);
        assert.deepEqual(results.map((result) => result.status), ['rejected', 'fulfilled', 'fulfilled']);
        assert.match(String((results[0] as PromiseRejectedResult).reason), /unit a failed/);
        assert.deepEqual(await urls(observer), ['b', 'c']);
      }));

    test('a unit queued on a later turn of the event loop joins the open transaction', () =>
      withDatabases(async ({ db, observer }) => {
        let transactions = 0;
        const run = createGroupCommit(db, async () => void (transactions += 1));
        const later = new Promise<string>((resolve, reject) => setImmediate(() => run(addFeed('b')).then(resolve, reject)));
        assert.deepEqual(await Promise.all([run(addFeed('a')), later]), ['a', 'b']);
        assert.equal(transactions, 1);
        assert.deepEqual(await urls(observer), ['a', 'b']);
      }));

    test('a transaction that cannot begin fails the units waiting for it, and later units still run', () =>
      withDatabases(async ({ db, observer }) => {
        let fail = true;
        const run = createGroupCommit(db, async () => {
          if (fail) throw new Error('cannot begin');
        });
        const first = await Promise.allSettled([run(addFeed('a')), run(addFeed('b'))]);
        assert.deepEqual(first.map((result) => result.status), ['rejected', 'rejected']);
        assert.match(String((first[0] as PromiseRejectedResult).reason), /cannot begin/);
        fail = false;
        assert.equal(await run(addFeed('c')), 'c');
        assert.deepEqual(await urls(observer), ['c']);
      }));

    test('one transaction takes at most 32 units; the rest go into the next', () =>
      withDatabases(async ({ db, observer }) => {
        let transactions = 0;
        const run = createGroupCommit(db, async () => void (transactions += 1));
        const all = Array.from({ length: 40 }, (_, i) => `u${String(i).padStart(2, '0')}`);
        await Promise.all(all.map((url) => run(addFeed(url))));
        assert.equal(transactions, 2);
        assert.deepEqual(await urls(observer), all);
      }));
  });
}

groupCommitRules('sqlite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'planet-group-commit-'));
  const path = join(dir, 'planet.db');
  const db = connectSqlite(path);
  await migrateToLatest(db, 'sqlite', path);
  const observer = connectSqlite(path);
  return {
    db,
    observer,
    async close() {
      await Promise.all([db.destroy(), observer.destroy()]);
      await rm(dir, { recursive: true, force: true });
    },
  };
});

// A real PostgreSQL, as in postgres.test.ts: missing binaries fail the file, they do not skip it.
let cluster: PgCluster | undefined;
before(async () => {
  cluster = await startPgCluster();
});
after(async () => {
  await cluster?.stop();
});

groupCommitRules('postgres', async () => {
  if (cluster === undefined) throw new Error('the PostgreSQL cluster did not start');
  const url = await cluster.createDatabase();
  const db = await connectPostgres(url);
  await migrateToLatest(db, 'postgres', url);
  const observer = await connectPostgres(url);
  return {
    db,
    observer,
    close: async () => void (await Promise.all([db.destroy(), observer.destroy()])),
  };
});
