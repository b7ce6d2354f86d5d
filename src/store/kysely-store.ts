import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { PlanetError, StoreError } from '../model/index.ts';
import type { FeedConfig, FeedRecord, StoredEntry } from '../model/index.ts';
import { readAvatars, writeAvatar } from './avatars.ts';
import { readFilteredIds, readReadingLists, writeFilteredIds, writeReadingList } from './caches.ts';
import { chunks } from './chunks.ts';
import { createGroupCommit } from './group-commit.ts';
import { readHistories, readHistory, recordAttempt } from './history.ts';
import { rawSql } from './raw.ts';
import type { RawSql } from './raw.ts';
import { expungeEntries } from './retention.ts';
import { entryFromRow, feedFromRow, storableText, toDate } from './rows.ts';
import { saveEntries } from './save-entries.ts';
import type { Database, SqlDialect } from './schema.ts';
import type { EntryPolicy, EntryQuery, FetchOutcome, SaveResult, Store, StoreReader } from './store.ts';
import { defaultEntryPolicy } from './store.ts';

// An arbitrary application-wide key for PostgreSQL's advisory lock around saving entries.
const ENTRY_SAVE_LOCK = 0x706c616e;

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

/** A text column's value: NULs left out (see storableText), absent as NULL. */
function storableOrNull(text: string | undefined): string | null {
  return text === undefined ? null : storableText(text);
}

/** The columns a fetch outcome sets on its feed's row. */
function feedChanges(outcome: FetchOutcome) {
  const at = outcome.at.getTime();
  switch (outcome.kind) {
    case 'updated':
      return {
        title: storableOrNull(outcome.feed.title),
        site_link: storableOrNull(outcome.feed.link),
        etag: storableOrNull(outcome.validators.etag),
        last_modified: storableOrNull(outcome.validators.lastModified),
        ...succeeded(at, outcome.httpStatus, outcome.finalUrl),
        ...scheduleChanges(outcome),
      };
    case 'not-modified':
      // A 304 may omit validators; the ones we sent are still the right ones then.
      return {
        ...(outcome.validators.etag !== undefined && { etag: storableText(outcome.validators.etag) }),
        ...(outcome.validators.lastModified !== undefined && { last_modified: storableText(outcome.validators.lastModified) }),
        ...succeeded(at, outcome.httpStatus, outcome.finalUrl),
        ...scheduleChanges(outcome),
      };
    case 'failed':
      return {
        last_fetched_at: at,
        last_http_status: outcome.httpStatus ?? null,
        last_error_code: outcome.error.code,
        last_error_message: storableText(outcome.error.message),
        ...scheduleChanges(outcome),
      };
  }
}

/** The scheduling columns an outcome sets (migration 0002); those it leaves out stay as they are. */
function scheduleChanges(outcome: FetchOutcome) {
  const millis = (date: Date | null): number | null => (date === null ? null : date.getTime());
  return {
    ...(outcome.nextFetchAt !== undefined && { next_fetch_at: millis(outcome.nextFetchAt) }),
    ...(outcome.goneAt !== undefined && { gone_at: millis(outcome.goneAt) }),
    ...(outcome.movedTo !== undefined && { moved_to: outcome.movedTo === null ? null : storableText(outcome.movedTo) }),
    ...(outcome.refreshSeconds !== undefined && { refresh_seconds: outcome.refreshSeconds }),
  };
}

function succeeded(at: number, httpStatus: number, finalUrl: string | null | undefined) {
  return {
    final_url: storableOrNull(finalUrl ?? undefined),
    last_fetched_at: at,
    last_success_at: at,
    last_http_status: httpStatus,
    last_error_code: null,
    last_error_message: null,
    consecutive_failures: 0,
  };
}

/** The read queries, over the database or inside a snapshot transaction. */
function reader(db: Kysely<Database>): StoreReader {
  return {
    async listFeeds() {
      const rows = await db.selectFrom('feeds').selectAll().orderBy('id').execute();
      return rows.map(feedFromRow);
    },
    async listEntries(query: EntryQuery) {
      const limit = Math.floor(query.limit);
      // `IN ()` is not valid SQL, and nothing can match anyway.
      if (query.feedIds.length === 0 || limit <= 0) return [];
      let select = db
        .selectFrom('entries')
        .selectAll()
        .where('feed_id', 'in', query.feedIds)
        .where('hidden', '=', 0)
        .where('duplicate_of', 'is', null);
      if (query.since !== undefined) select = select.where('display_date', '>=', query.since.getTime());
      if (query.until !== undefined) select = select.where('display_date', '<', query.until.getTime());
      const rows = await select
        .orderBy('display_date', 'desc')
        .orderBy('first_seen', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(Math.max(0, Math.floor(query.offset ?? 0)))
        .execute();
      return rows.map(entryFromRow);
    },
  };
}

/** A Store over any Kysely instance whose database has been migrated; closing it destroys `db`. `raw` runs the save path's SQL (raw.ts). */
export function createKyselyStore(db: Kysely<Database>, dialect: SqlDialect, raw: RawSql = rawSql(dialect)): Store {
  let closed = false;
  const direct = reader(db);

  async function syncFeeds(feeds: readonly FeedConfig[]): Promise<FeedRecord[]> {
    return guard('syncing the feed list', () =>
      db.transaction().execute(async (trx) => {
        const now = Date.now();
        // On the raw path (raw.ts): it runs once per configured feed before any fetch starts.
        for (const feed of feeds) {
          await raw(trx, 'insert into feeds (url, name, created_at) values (?, ?, ?) on conflict (url) do update set name = excluded.name', [feed.url, feed.name, now]);
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

  // Saves share transactions (see group-commit.ts). On PostgreSQL saves take turns, as they do
  // on SQLite's single writer: two feeds carrying the same post at once would otherwise each miss
  // the other's uncommitted copy and both show it. The lock is held to the end of the transaction
  // and taken before any row lock, so two processes saving cannot deadlock on it.
  const inSaveTransaction = createGroupCommit(
    db,
    dialect === 'postgres' ? async (trx) => void (await sql`select pg_advisory_xact_lock(${ENTRY_SAVE_LOCK})`.execute(trx)) : undefined,
    raw,
  );

  async function saveFetch(feedId: number, outcome: FetchOutcome, policy: EntryPolicy = defaultEntryPolicy): Promise<SaveResult> {
    return guard(`saving the fetch of feed ${feedId}`, () =>
      inSaveTransaction(async (trx) => {
        const changes: Record<string, unknown> = feedChanges(outcome);
        const names = Object.keys(changes);
        const set = names.map((name) => `${name} = ?`);
        if (outcome.kind === 'failed') set.push('consecutive_failures = consecutive_failures + 1');
        const { numAffectedRows } = await raw(trx, `update feeds set ${set.join(', ')} where id = ?`, [...names.map((name) => changes[name]), feedId]);
        if (numAffectedRows === 0n) {
          throw new StoreError('store-query', `store: no feed with id ${feedId}; call syncFeeds first to get feed ids.`);
        }
        const saved = outcome.kind === 'updated' ? await saveEntries(trx, raw, feedId, outcome, policy) : { newEntries: 0, updatedEntries: 0 };
        await recordAttempt(trx, raw, feedId, outcome, saved);
        return saved;
      }),
    );
  }

  async function hasEntries(): Promise<boolean> {
    return guard('counting entries', async () => (await db.selectFrom('entries').select('id').limit(1).executeTakeFirst()) !== undefined);
  }

  async function snapshot<T>(work: (view: StoreReader) => Promise<T>): Promise<T> {
    // A read-only transaction on one connection: writers go on beside it (SQLite in WAL mode
    // reads from its snapshot; PostgreSQL's repeatable read does the same), so a build never
    // blocks an update, and it never sees half of one.
    const begin = dialect === 'postgres' ? 'begin isolation level repeatable read read only' : 'begin deferred';
    return guard('reading a snapshot', () =>
      db.connection().execute(async (conn) => {
        await sql.raw(begin).execute(conn);
        try {
          const result = await work(reader(conn));
          await sql.raw('commit').execute(conn);
          return result;
        } catch (error) {
          await sql.raw('rollback').execute(conn);
          throw error;
        }
      }),
    );
  }

  async function newestEntryDates(feedIds: readonly number[]): Promise<Map<number, Date>> {
    const newest = new Map<number, Date>();
    for (const ids of chunks(feedIds)) {
      const rows = await db
        .selectFrom('entries')
        .select((eb) => ['feed_id', eb.fn.max('display_date').as('newest')])
        .where('feed_id', 'in', ids)
        .where('hidden', '=', 0)
        .where('duplicate_of', 'is', null)
        .groupBy('feed_id')
        .execute();
      for (const row of rows) newest.set(row.feed_id, toDate(row.newest));
    }
    return newest;
  }

  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    await db.destroy();
  }

  return {
    syncFeeds,
    saveFetch,
    hasEntries,
    snapshot,
    close,
    listFeeds: () => guard('listing feeds', () => direct.listFeeds()),
    listEntries: (query: EntryQuery): Promise<StoredEntry[]> => guard('listing entries', () => direct.listEntries(query)),
    listHistory: (feedId, limit = 100) => guard(`reading the history of feed ${feedId}`, () => readHistory(db, feedId, limit)),
    listHistories: (feedIds) => guard('reading the feeds\' fetch history', () => readHistories(db, feedIds)),
    newestEntryDates: (feedIds) => guard('reading each feed\'s newest entry', () => newestEntryDates(feedIds)),
    expunge: (policy) => guard('expunging old entries', () => db.transaction().execute((trx) => expungeEntries(trx, policy))),
    listAvatars: () => guard('reading the avatar cache', () => readAvatars(db)),
    saveAvatar: (record) => guard(`saving the avatar of feed ${record.feedId}`, () => writeAvatar(db, record)),
    setFilteredIds: (feedId, settings, ids) =>
      guard(`saving the entries feed ${feedId}'s filters dropped`, () => db.transaction().execute((trx) => writeFilteredIds(trx, feedId, settings, ids))),
    listFilteredIds: () => guard('reading the entries filters dropped', () => readFilteredIds(db)),
    saveReadingList: (copy) => guard(`saving the copy of reading list ${copy.url}`, () => writeReadingList(db, copy)),
    listReadingLists: () => guard('reading the reading lists\' copies', () => readReadingLists(db)),
  };
}
