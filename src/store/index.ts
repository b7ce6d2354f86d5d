import { openPostgresStore, isPostgresUrl } from './postgres.ts';
import { openSqliteStore } from './sqlite.ts';
import type { Store } from './store.ts';

export { defaultEntryPolicy } from './store.ts';
export type {
  EntryPolicy,
  EntryQuery,
  ExpungedEntry,
  FetchHistoryRecord,
  FetchOutcome,
  RetentionPolicy,
  SaveResult,
  Store,
  StoreReader,
} from './store.ts';
export { HISTORY_PER_FEED } from './history.ts';
export type { AvatarRecord } from './avatars.ts';
export type { FilteredIds, ReadingListCopy } from './caches.ts';
export { isPostgresUrl, redactUrl } from './postgres.ts';

/** Opens the store at `location` (a SQLite file path or a postgres:// URL), running pending migrations first. */
export async function openStore(location: string): Promise<Store> {
  return isPostgresUrl(location) ? openPostgresStore(location) : openSqliteStore(location);
}
