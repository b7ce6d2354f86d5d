// Released: never edit this file. Change the schema by adding the next numbered migration.
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { SqlDialect } from '../schema.ts';

/** Creates the feeds and entries tables and the index the river is read through. */
export async function up(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  // SQLite spells an auto-assigned key AUTOINCREMENT (which also never reuses ids, keeping the
  // row-id tie-break monotonic); PostgreSQL spells it as an identity column.
  const identity = (col: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    dialect === 'sqlite' ? col.primaryKey().autoIncrement() : col.primaryKey().generatedByDefaultAsIdentity();

  await db.schema
    .createTable('feeds')
    .addColumn('id', 'integer', identity)
    .addColumn('url', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('title', 'text')
    .addColumn('site_link', 'text')
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('last_fetched_at', 'bigint')
    .addColumn('last_success_at', 'bigint')
    .addColumn('last_http_status', 'integer')
    .addColumn('last_error_code', 'text')
    .addColumn('last_error_message', 'text')
    .addColumn('consecutive_failures', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('entries')
    .addColumn('id', 'integer', identity)
    .addColumn('feed_id', 'integer', (col) => col.notNull().references('feeds.id').onDelete('cascade'))
    .addColumn('entry_key', 'text', (col) => col.notNull())
    .addColumn('title', 'text')
    .addColumn('link', 'text')
    .addColumn('content', 'text')
    .addColumn('summary', 'text')
    .addColumn('author_name', 'text')
    .addColumn('author_email', 'text')
    .addColumn('author_uri', 'text')
    .addColumn('published', 'bigint')
    .addColumn('updated', 'bigint')
    .addColumn('base_url', 'text')
    .addColumn('first_seen', 'bigint', (col) => col.notNull())
    .addColumn('display_date', 'bigint', (col) => col.notNull())
    .addColumn('content_hash', 'text', (col) => col.notNull())
    .addUniqueConstraint('entries_feed_entry_key', ['feed_id', 'entry_key'])
    .execute();

  // The river reads newest first by exactly these keys, so it can walk the index and stop at the limit.
  await db.schema
    .createIndex('entries_river')
    .on('entries')
    .columns(['display_date', 'first_seen', 'id'])
    .execute();
}
