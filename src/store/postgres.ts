import { Kysely, PostgresDialect } from 'kysely';
import type { Pool } from 'pg';
import { StoreError } from '../model/index.ts';
import { createKyselyStore } from './kysely-store.ts';
import { migrateToLatest } from './migrate.ts';
import type { Database } from './schema.ts';
import type { Store } from './store.ts';

/** True when `location` names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** The URL without its password, fit for messages and logs. */
export function redactUrl(location: string): string {
  return location.replace(/\/\/([^@/:]*)(:[^@/]*)?@/, (_, user: string) => `//${user}${user === '' ? '' : '@'}`);
}

/**
 * Connects to the PostgreSQL database at `url` as a Kysely instance, not yet migrated.
 * `pg` is imported here, lazily, so SQLite users never load it.
 */
export async function connectPostgres(url: string): Promise<Kysely<Database>> {
  let pg: { Pool: typeof Pool };
  try {
    pg = (await import('pg')).default;
  } catch (error) {
    throw new StoreError('store-open', `store: cannot open ${redactUrl(url)}: the pg package is missing. Run \`npm install pg\`.`, { cause: error });
  }
  // One planet run is one client of the database: a few connections serve concurrent feeds.
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end();
    const detail = error instanceof Error ? error.message : String(error);
    throw new StoreError(
      'store-open',
      `store: cannot open the database ${redactUrl(url)}: ${detail}. Check that PostgreSQL is running and the URL in \`database\` (planet.toml) is right.`,
      { cause: error },
    );
  }
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** Opens the PostgreSQL database at `url` and brings its schema up to date. */
export async function openPostgresStore(url: string): Promise<Store> {
  const db = await connectPostgres(url);
  try {
    await migrateToLatest(db, 'postgres', redactUrl(url));
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return createKyselyStore(db, 'postgres');
}
