// Released: never edit this file. Change the schema by adding the next numbered migration.
import type { Kysely } from 'kysely';

/**
 * Where each feed's last successful fetch ended up after temporary redirects (302/307), when
 * that was not its own URL: two subscriptions that land on one feed are one subscription twice,
 * and `planet health` can only say so if the store remembers where they landed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('feeds').addColumn('final_url', 'text').execute();
}
