import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, test } from 'node:test';
import Sqlite from 'better-sqlite3';
import { sql } from 'kysely';
import { StoreError } from '../model/index.ts';
import { testStore } from './conformance.ts';
import { openStore } from './index.ts';
import { readAppliedMigrations } from './migrate.ts';
import { connectSqlite } from './sqlite.ts';

const require = createRequire(import.meta.url);

// Run in a child process: SQLite locks are per connection across processes, as with two planet runs.
const HOLD_LOCK = `
const Database = require(process.argv[1]);
const db = new Database(process.argv[2]);
db.exec('BEGIN IMMEDIATE');
process.stdout.write('locked\\n');
setTimeout(() => { db.exec('COMMIT'); db.close(); }, 500);
`;

testStore('sqlite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'planet-store-'));
  const path = join(dir, 'planet.db');
  return {
    open: () => openStore(path),
    async appliedMigrations() {
      const db = connectSqlite(path);
      try {
        return await readAppliedMigrations(db, 'sqlite');
      } finally {
        await db.destroy();
      }
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
});

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'planet-sqlite-'));
}

function isStoreError(code: string, message: RegExp) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof StoreError, String(error));
    assert.equal(error.code, code);
    assert.match(error.message, message);
    return true;
  };
}

describe('SQLite driver', () => {
  test('a missing directory is a store-open error naming the path and what to fix', async () => {
    const dir = await tempDir();
    try {
      const path = join(dir, 'no-such-dir', 'planet.db');
      await assert.rejects(openStore(path), isStoreError('store-open', /no-such-dir.*Create the directory, or fix `database` in planet\.toml/));
      assert.equal(existsSync(join(dir, 'no-such-dir')), false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a file that is not a SQLite database is a store-open error and is left untouched', async () => {
    const dir = await tempDir();
    try {
      const path = join(dir, 'planet.toml');
      const text = '[planet]\nname = "not a database"\n'.repeat(200);
      await writeFile(path, text);
      await assert.rejects(openStore(path), isStoreError('store-open', /planet\.toml: the file is not a SQLite database/));
      assert.equal(await readFile(path, 'utf8'), text);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a failing migration is a store-migrate error and leaves no half-made schema', async () => {
    const dir = await tempDir();
    try {
      const path = join(dir, 'planet.db');
      const raw = new Sqlite(path);
      raw.exec('CREATE TABLE entries (something_else TEXT)');
      raw.close();
      await assert.rejects(openStore(path), isStoreError('store-migrate', /could not migrate.*0001-initial/));
      const check = new Sqlite(path, { readonly: true });
      const tables = check.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
      const recorded = check.prepare('SELECT count(*) FROM kysely_migration').pluck().get();
      check.close();
      assert.ok(!tables.includes('feeds'), `tables: ${tables.join(', ')}`);
      assert.equal(recorded, 0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a database migrated by a newer Planet is a store-migrate error', async () => {
    const dir = await tempDir();
    try {
      const path = join(dir, 'planet.db');
      await (await openStore(path)).close();
      const raw = new Sqlite(path);
      raw.prepare('INSERT INTO kysely_migration (name, timestamp) VALUES (?, ?)').run('9999-from-the-future', new Date().toISOString());
      raw.close();
      await assert.rejects(openStore(path), isStoreError('store-migrate', /9999-from-the-future/));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('connections use WAL, enforce foreign keys and wait on a busy database', async () => {
    const dir = await tempDir();
    const db = connectSqlite(join(dir, 'planet.db'));
    try {
      const pragma = async (name: string): Promise<unknown> => {
        const { rows } = await sql<Record<string, unknown>>`${sql.raw(`pragma ${name}`)}`.execute(db);
        return Object.values(rows[0] ?? {})[0];
      };
      assert.equal(await pragma('journal_mode'), 'wal');
      assert.equal(await pragma('foreign_keys'), 1);
      assert.ok(Number(await pragma('busy_timeout')) >= 5000);
    } finally {
      await db.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a write waits for another process holding the write lock instead of failing', async () => {
    const dir = await tempDir();
    const path = join(dir, 'planet.db');
    const store = await openStore(path);
    try {
      const [feed] = await store.syncFeeds([{ url: 'https://blog.example/feed', name: 'Blog' }]);
      assert.ok(feed);
      // The other process takes the write lock, says so, and lets go of it a little later.
      const holder = spawn(process.execPath, ['-e', HOLD_LOCK, require.resolve('better-sqlite3'), path], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const exited = once(holder, 'exit');
      const [line] = await once(createInterface({ input: holder.stdout }), 'line');
      assert.equal(line, 'locked');
      const result = await store.saveFetch(feed.id, {
        kind: 'updated',
        at: new Date(),
        httpStatus: 200,
        validators: {},
        feed: {},
        entries: [{ id: 'x' }],
      });
      assert.deepEqual(result, { newEntries: 1, updatedEntries: 0 });
      assert.deepEqual(await exited, [0, null]);
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
