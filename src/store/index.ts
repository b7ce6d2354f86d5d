import { StoreError } from '../model/index.ts';
import { openSqliteStore } from './sqlite.ts';
import type { Store } from './store.ts';

export type { EntryQuery, FetchOutcome, SaveResult, Store } from './store.ts';

/** Opens the store at `location` (a SQLite file path), running pending migrations first. */
export async function openStore(location: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(location)) {
    throw new StoreError(
      'store-open',
      `store: cannot open ${location.replace(/\/\/[^@/]*@/, '//')}: PostgreSQL is not supported yet. ` +
        'Set `database` in planet.toml to a SQLite file path.',
    );
  }
  return openSqliteStore(location);
}
