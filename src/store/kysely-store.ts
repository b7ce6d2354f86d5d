import type { Kysely, Transaction } from 'kysely';
import { PlanetError, StoreError } from '../model/index.ts';
import type { Entry, FeedConfig, FeedRecord, StoredEntry } from '../model/index.ts';
import { displayMillis, entryColumns, entryFromRow, feedFromRow } from './rows.ts';
import type { Database } from './schema.ts';
import type { EntryQuery, FetchOutcome, SaveResult, Store } from './store.ts';

// Bound parameters per statement stay well under every engine's cap (SQLite 32766, PostgreSQL 65535).
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Runs one store operation, turning driver errors into StoreError('store-query'). */
async function guard<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof PlanetError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new StoreError(
      'store-query',
      `store: ${what} failed: ${detail}. Check that the database is writable, has disk space and is not damaged.`,
      { cause: error },
    );
  }
}

/** The first entry of each id, in feed order: a feed repeating an id most likely means its first copy. */
function firstOfEachId(entries: readonly Entry[]): Entry[] {
  const seen = new Set<string>();
  return entries.filter((entry) => (seen.has(entry.id) ? false : (seen.add(entry.id), true)));
}

/** What saveEntries compares an incoming entry against. */
interface ExistingEntry {
  id: number;
  content_hash: string;
  published: number | string | null;
  updated: number | string | null;
  base_url: string | null;
}

function sameMillis(stored: number | string | null, next: number | null): boolean {
  return (stored === null ? null : Number(stored)) === next;
}

async function saveEntries(
  trx: Transaction<Database>,
  feedId: number,
  at: Date,
  entries: readonly Entry[],
): Promise<SaveResult> {
  const unique = firstOfEachId(entries);
  const existing = new Map<string, ExistingEntry>();
  for (const keys of chunks(unique.map((entry) => entry.id))) {
    const rows = await trx
      .selectFrom('entries')
      .select(['id', 'entry_key', 'content_hash', 'published', 'updated', 'base_url'])
      .where('feed_id', '=', feedId)
      .where('entry_key', 'in', keys)
      .execute();
    for (const row of rows) existing.set(row.entry_key, row);
  }

  const result: SaveResult = { newEntries: 0, updatedEntries: 0 };
  const seenAt = at.getTime();
  // Inserted last to first: feeds list newest first, and entries that tie on dates fall back to
  // the higher row id, so undated entries keep the order the feed gave them.
  for (const entry of unique.toReversed()) {
    const columns = entryColumns(entry);
    const old = existing.get(entry.id);
    if (old === undefined) {
      await trx
        .insertInto('entries')
        .values({
          ...columns,
          feed_id: feedId,
          entry_key: entry.id,
          first_seen: seenAt,
          display_date: displayMillis(entry, at),
        })
        .execute();
      result.newEntries += 1;
      continue;
    }
    const unchanged =
      old.content_hash === columns.content_hash &&
      sameMillis(old.published, columns.published) &&
      sameMillis(old.updated, columns.updated) &&
      old.base_url === columns.base_url;
    if (unchanged) continue;
    // first_seen and display_date stay: a feed re-dating a post must not move it in the river.
    await trx.updateTable('entries').set(columns).where('id', '=', old.id).execute();
    if (old.content_hash !== columns.content_hash) result.updatedEntries += 1;
  }
  return result;
}

/** The columns a fetch outcome sets on its feed's row. */
function feedChanges(outcome: FetchOutcome) {
  const at = outcome.at.getTime();
  switch (outcome.kind) {
    case 'updated':
      return {
        title: outcome.feed.title ?? null,
        site_link: outcome.feed.link ?? null,
        etag: outcome.validators.etag ?? null,
        last_modified: outcome.validators.lastModified ?? null,
        ...succeeded(at, outcome.httpStatus),
      };
    case 'not-modified':
      // A 304 may omit validators; the ones we sent are still the right ones then.
      return {
        ...(outcome.validators.etag !== undefined && { etag: outcome.validators.etag }),
        ...(outcome.validators.lastModified !== undefined && { last_modified: outcome.validators.lastModified }),
        ...succeeded(at, outcome.httpStatus),
      };
    case 'failed':
      return {
        last_fetched_at: at,
        last_http_status: outcome.httpStatus ?? null,
        last_error_code: outcome.error.code,
        last_error_message: outcome.error.message,
      };
  }
}

function succeeded(at: number, httpStatus: number) {
  return {
    last_fetched_at: at,
    last_success_at: at,
    last_http_status: httpStatus,
    last_error_code: null,
    last_error_message: null,
    consecutive_failures: 0,
  };
}

/** A Store over any Kysely instance whose database has been migrated; closing it destroys `db`. */
export function createKyselyStore(db: Kysely<Database>): Store {
  let closed = false;

  async function syncFeeds(feeds: readonly FeedConfig[]): Promise<FeedRecord[]> {
    return guard('syncing the feed list', () =>
      db.transaction().execute(async (trx) => {
        const now = Date.now();
        for (const feed of feeds) {
          await trx
            .insertInto('feeds')
            .values({ url: feed.url, name: feed.name, created_at: now })
            .onConflict((oc) => oc.column('url').doUpdateSet((eb) => ({ name: eb.ref('excluded.name') })))
            .execute();
        }
        const byUrl = new Map<string, FeedRecord>();
        for (const urls of chunks(feeds.map((feed) => feed.url))) {
          const rows = await trx.selectFrom('feeds').selectAll().where('url', 'in', urls).execute();
          for (const row of rows) byUrl.set(row.url, feedFromRow(row));
        }
        return feeds.map((feed) => {
          const record = byUrl.get(feed.url);
          if (record === undefined) throw new StoreError('store-query', `store: feed ${feed.url} vanished while syncing; run again.`);
          return record;
        });
      }),
    );
  }

  async function saveFetch(feedId: number, outcome: FetchOutcome): Promise<SaveResult> {
    return guard(`saving the fetch of feed ${feedId}`, () =>
      db.transaction().execute(async (trx) => {
        let update = trx.updateTable('feeds').set(feedChanges(outcome)).where('id', '=', feedId);
        if (outcome.kind === 'failed') {
          update = update.set((eb) => ({ consecutive_failures: eb('consecutive_failures', '+', 1) }));
        }
        const { numUpdatedRows } = await update.executeTakeFirstOrThrow();
        if (numUpdatedRows === 0n) {
          throw new StoreError('store-query', `store: no feed with id ${feedId}; call syncFeeds first to get feed ids.`);
        }
        if (outcome.kind !== 'updated') return { newEntries: 0, updatedEntries: 0 };
        return saveEntries(trx, feedId, outcome.at, outcome.entries);
      }),
    );
  }

  async function listFeeds(): Promise<FeedRecord[]> {
    return guard('listing feeds', async () => {
      const rows = await db.selectFrom('feeds').selectAll().orderBy('id').execute();
      return rows.map(feedFromRow);
    });
  }

  async function listEntries(query: EntryQuery): Promise<StoredEntry[]> {
    const limit = Math.floor(query.limit);
    // `IN ()` is not valid SQL, and nothing can match anyway.
    if (query.feedIds.length === 0 || limit <= 0) return [];
    return guard('listing entries', async () => {
      const rows = await db
        .selectFrom('entries')
        .selectAll()
        .where('feed_id', 'in', query.feedIds)
        .orderBy('display_date', 'desc')
        .orderBy('first_seen', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(entryFromRow);
    });
  }

  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    await db.destroy();
  }

  return { syncFeeds, saveFetch, listFeeds, listEntries, close };
}
