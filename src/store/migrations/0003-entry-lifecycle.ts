// Released: never edit this file. Change the schema by adding the next numbered migration.
import { sql } from 'kysely';
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { SqlDialect } from '../schema.ts';

/**
 * Entry lifecycle: hidden back catalogue, cross-feed duplicates, when an entry was last in its
 * feed (retention), and one row per fetch attempt (feed history).
 */
export async function up(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  const identity = (col: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    dialect === 'sqlite' ? col.primaryKey().autoIncrement() : col.primaryKey().generatedByDefaultAsIdentity();

  // 1 = stored but kept off the river (a new feed's back catalogue beyond new_feed_items).
  await db.schema.alterTable('entries').addColumn('hidden', 'integer', (col) => col.notNull().defaultTo(0)).execute();
  // The entry of another feed this one repeats; the river shows only that one. Deleting the
  // original (retention) lets the copy show again rather than losing the post.
  await db.schema
    .alterTable('entries')
    .addColumn('duplicate_of', 'integer', (col) => col.references('entries.id').onDelete('set null'))
    .execute();
  // When a fetched document last carried the entry; retention never drops what the feed still has.
  await db.schema.alterTable('entries').addColumn('last_seen', 'bigint').execute();
  await sql`UPDATE entries SET last_seen = first_seen`.execute(db);

  await db.schema.createIndex('entries_by_link').on('entries').column('link').execute();
  await db.schema.createIndex('entries_by_key').on('entries').column('entry_key').execute();
  await db.schema.createIndex('entries_by_duplicate').on('entries').column('duplicate_of').execute();

  await db.schema
    .createTable('fetch_history')
    .addColumn('id', 'integer', identity)
    .addColumn('feed_id', 'integer', (col) => col.notNull().references('feeds.id').onDelete('cascade'))
    .addColumn('at', 'bigint', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('http_status', 'integer')
    .addColumn('error_code', 'text')
    .addColumn('bytes', 'integer')
    .addColumn('ms', 'integer')
    .addColumn('new_entries', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('updated_entries', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('fetch_history_by_feed').on('fetch_history').columns(['feed_id', 'id']).execute();
}
