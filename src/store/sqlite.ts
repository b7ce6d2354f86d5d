import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Sqlite from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteAdapter, SqliteDialect, SqliteDriver } from 'kysely';
import type { DatabaseConnection, DialectAdapter, Driver, QueryResult, SqliteDatabase, SqliteDialectConfig } from 'kysely';
import { StoreError } from '../model/index.ts';
import { createKyselyStore } from './kysely-store.ts';
import { migrateToLatest } from './migrate.ts';
import type { RawSql } from './raw.ts';
import type { Database } from './schema.ts';
import type { Store } from './store.ts';

// Two overlapping runs (a slow cron job and the next one) wait for each other's write
// transactions instead of failing with SQLITE_BUSY.
const BUSY_TIMEOUT_MS = 15_000;

// Distinct statements kept prepared: the store issues a few dozen shapes (IN lists and multi-row
// INSERTs vary in length), so this holds them all while bounding a pathological caller.
const STATEMENT_CACHE_SIZE = 500;

/**
 * The database as Kysely sees it, with each SQL text prepared once and reused. Kysely prepares
 * every query afresh; during an update that was a fifth of the store's time (measured with
 * bench/fetch). Least recently used statements are finalized by the GC once dropped.
 */
function withStatementCache(sqlite: Sqlite.Database): SqliteDatabase & { prepare(sql: string): Sqlite.Statement } {
  const statements = new Map<string, Sqlite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      const statement = statements.get(sql) ?? sqlite.prepare(sql);
      // Re-inserted so the Map's order is least recently used first.
      statements.delete(sql);
      statements.set(sql, statement);
      if (statements.size > STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value as string);
      return statement;
    },
  };
}

/**
 * The save path's SQL (raw.ts) run on the connection itself, past Kysely's executor: its
 * per-query layers (connection provider, mutex, result mapping, three promise hops) cost more
 * than SQLite takes for most of these statements. SQLite has this one connection and
 * better-sqlite3 runs statements synchronously, so a statement run here inside a Kysely
 * transaction's callback is part of that transaction, as one run through `trx` would be.
 */
function directSql(database: { prepare(sql: string): Sqlite.Statement }): RawSql {
  return async <Row>(_db: unknown, text: string, params: readonly unknown[]): Promise<QueryResult<Row>> => {
    const statement = database.prepare(text);
    if (statement.reader) return { rows: statement.all(...params) as Row[] };
    const { changes } = statement.run(...params);
    return { rows: [], numAffectedRows: BigInt(changes) };
  };
}

/**
 * Starts every transaction with BEGIN IMMEDIATE. A plain (deferred) BEGIN takes the write lock
 * only at the first write; if another process wrote in between, SQLite fails at once with
 * SQLITE_BUSY and the busy timeout does not help. Taking the lock up front makes it wait instead.
 * https://www.sqlite.org/lang_transaction.html
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/**
 * SQLite does run DDL inside transactions; Kysely's adapter says it does not, which would let a
 * failed migration leave half a schema behind. Saying yes makes the Migrator wrap each run in one
 * transaction, so concurrent first opens also serialize on it.
 */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class PlanetSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalSqliteAdapter();
  }
}

function openError(path: string, problem: string, cause?: unknown): StoreError {
  return new StoreError('store-open', `store: cannot open the database ${path}: ${problem}`, { cause });
}

/** Opens (creating if needed) the SQLite file at `path` as a Kysely instance, not yet migrated. */
export function connectSqlite(path: string): Kysely<Database> {
  return openConnection(path).db;
}

function openConnection(path: string): { db: Kysely<Database>; raw: RawSql } {
  const dir = dirname(resolve(path));
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw openError(path, `the directory ${dir} does not exist. Create the directory, or fix \`database\` in planet.toml.`);
  }
  let sqlite: Sqlite.Database | undefined;
  try {
    sqlite = new Sqlite(path, { timeout: BUSY_TIMEOUT_MS });
    // The first statement reads the header, so a file that is not a database fails here.
    sqlite.pragma('journal_mode = WAL');
    // WAL with synchronous=NORMAL cannot corrupt the file; it may lose the last commit on power loss.
    sqlite.pragma('synchronous = NORMAL');
    // Off by default in SQLite; entries must never point at a missing feed.
    sqlite.pragma('foreign_keys = ON');
  } catch (error) {
    sqlite?.close();
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_NOTADB') {
      throw openError(path, 'the file is not a SQLite database. Point `database` in planet.toml at another file.', error);
    }
    const detail = error instanceof Error ? error.message : String(error);
    throw openError(path, `${detail}. Check the path and its permissions.`, error);
  }
  const database = withStatementCache(sqlite);
  return { db: new Kysely<Database>({ dialect: new PlanetSqliteDialect({ database }) }), raw: directSql(database) };
}

/** Opens the SQLite file at `path` and brings its schema up to date. */
export async function openSqliteStore(path: string): Promise<Store> {
  const { db, raw } = openConnection(path);
  try {
    await migrateToLatest(db, 'sqlite', path);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return createKyselyStore(db, 'sqlite', raw);
}
