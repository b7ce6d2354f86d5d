import { Migrator } from 'kysely';
import type { Kysely } from 'kysely';
import { StoreError } from '../model/index.ts';
import { migrationProvider } from './migrations/index.ts';
import type { Database, SqlDialect } from './schema.ts';

/** A migration recorded as run in a database. */
export interface AppliedMigration {
  name: string;
  executedAt: Date;
}

function migrator(db: Kysely<Database>, dialect: SqlDialect): Migrator {
  // Migration numbers are handed out to parallel branches ahead of time, so a database may have
  // run 0003 before 0002 lands; each migration touches only its own tables and columns, so they
  // commute. A migration this version does not know still fails (no missing migrations).
  return new Migrator({ db, provider: migrationProvider(dialect), allowUnorderedMigrations: true });
}

/** Runs the migrations the database has not had yet; throws StoreError('store-migrate'). */
export async function migrateToLatest(db: Kysely<Database>, dialect: SqlDialect, location: string): Promise<void> {
  // migrateToLatest never throws: it reports failure in `error`.
  const { error, results } = await migrator(db, dialect).migrateToLatest();
  if (error === undefined) return;
  const failed = results?.find((result) => result.status === 'Error')?.migrationName;
  const detail = error instanceof Error ? error.message : String(error);
  throw new StoreError(
    'store-migrate',
    `store: could not migrate the database ${location}` +
      (failed === undefined ? '' : ` (migration ${failed})`) +
      `: ${detail}. Restore a backup, or use the Planet version that last wrote this database.`,
    { cause: error },
  );
}

/** The migrations recorded in the database, oldest first; for checks that bypass the Store. */
export async function readAppliedMigrations(db: Kysely<Database>, dialect: SqlDialect): Promise<AppliedMigration[]> {
  const all = await migrator(db, dialect).getMigrations();
  return all.flatMap((info) => (info.executedAt === undefined ? [] : [{ name: info.name, executedAt: info.executedAt }]));
}
