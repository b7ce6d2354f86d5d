import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { SqlDialect } from '../schema.ts';
import { up as initial } from './0001-initial.ts';
import { up as fetchSchedule } from './0002-fetch-schedule.ts';
import { up as entryLifecycle } from './0003-entry-lifecycle.ts';
import { up as entryLinkKey } from './0004-entry-link-key.ts';
import { up as avatars } from './0006-avatars.ts';
import { up as filterAndListCaches } from './0007-filter-and-list-caches.ts';
import { up as feedFinalUrl } from './0008-feed-final-url.ts';

type Up = (db: Kysely<unknown>, dialect: SqlDialect) => Promise<void>;

// Append-only: a new migration is a new file and a new line at the end; released ones never change.
const migrations: ReadonlyArray<readonly [name: string, up: Up]> = [
  ['0001-initial', initial],
  ['0002-fetch-schedule', fetchSchedule],
  ['0003-entry-lifecycle', entryLifecycle],
  ['0004-entry-link-key', entryLinkKey],
  ['0006-avatars', avatars],
  ['0007-filter-and-list-caches', filterAndListCaches],
  ['0008-feed-final-url', feedFinalUrl],
];

/** Names of every migration this version of Planet knows, in the order they run. */
export const migrationNames: readonly string[] = migrations.map(([name]) => name);

/** Kysely's view of the migrations, bound to the engine they run on. */
export function migrationProvider(dialect: SqlDialect): MigrationProvider {
  return {
    async getMigrations() {
      const byName: Record<string, Migration> = {};
      for (const [name, up] of migrations) byName[name] = { up: (db) => up(db, dialect) };
      return byName;
    },
  };
}
