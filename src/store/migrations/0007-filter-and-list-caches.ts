// Released: never edit this file. Change the schema by adding the next numbered migration.
import type { Kysely } from 'kysely';

/**
 * The two caches filters and reading lists keep (issue 8), moved from files beside the database
 * into it, so a PostgreSQL planet run from CI or a container keeps them, backups hold them and
 * machines sharing one database agree. Tables of their own, so this commutes with other branches.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Per feed, the entry ids its filters dropped at its last full fetch, and a fingerprint of the
  // filter settings that dropped them (a changed filter voids them).
  await db.schema
    .createTable('filtered_entries')
    .addColumn('feed_id', 'integer', (col) => col.notNull().references('feeds.id').onDelete('cascade'))
    .addColumn('entry_key', 'text', (col) => col.notNull())
    .addColumn('settings', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('filtered_entries_pk', ['feed_id', 'entry_key'])
    .execute();

  // The last good copy of each reading list, as its owner wrote it.
  await db.schema
    .createTable('reading_list_copies')
    .addColumn('url', 'text', (col) => col.primaryKey())
    .addColumn('format', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('fetched_at', 'bigint', (col) => col.notNull())
    .execute();
}
