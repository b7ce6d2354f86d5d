// Released: never edit this file. Change the schema by adding the next numbered migration.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * The canonical form of an entry's link (see linkKey in rows.ts), so the same post is found
 * across feeds even when one copy carries tracking parameters or another scheme.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('entries').addColumn('link_key', 'text').execute();
  // Rows from before keep their exact link as the key: a safe subset of what canonical keys match.
  await sql`UPDATE entries SET link_key = link`.execute(db);
  await db.schema.createIndex('entries_by_link_key').on('entries').column('link_key').execute();
}
