// Released: never edit this file. Change the schema by adding the next numbered migration.
import type { Kysely } from 'kysely';
import type { SqlDialect } from '../schema.ts';

/**
 * Scheduling state of a feed (issue #4): when it may next be fetched, whether it is gone, where
 * it moved, and the refresh interval its document asks for.
 */
export async function up(db: Kysely<unknown>, _dialect: SqlDialect): Promise<void> {
  // One column per statement: SQLite's ALTER TABLE adds one column at a time.
  await db.schema.alterTable('feeds').addColumn('next_fetch_at', 'bigint').execute();
  await db.schema.alterTable('feeds').addColumn('gone_at', 'bigint').execute();
  await db.schema.alterTable('feeds').addColumn('moved_to', 'text').execute();
  await db.schema.alterTable('feeds').addColumn('refresh_seconds', 'integer').execute();
}
