// Released: never edit this file. Change the schema by adding the next numbered migration.
import type { Kysely } from 'kysely';
import type { SqlDialect } from '../schema.ts';

/**
 * The avatar cache (issue 9): per feed, the image its document names, the picture chosen for it
 * (bytes, where they came from, validators for the weekly conditional re-check) and why the last
 * check found nothing better. Its own table, so it commutes with the other branches' migrations.
 */
export async function up(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  await db.schema
    .createTable('avatars')
    .addColumn('feed_id', 'integer', (col) => col.primaryKey().references('feeds.id').onDelete('cascade'))
    .addColumn('feed_image', 'text')
    .addColumn('candidates_key', 'text')
    .addColumn('source_url', 'text')
    .addColumn('content_type', 'text')
    .addColumn('body', dialect === 'postgres' ? 'bytea' : 'blob')
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('checked_at', 'bigint')
    .addColumn('error', 'text')
    .execute();
}
