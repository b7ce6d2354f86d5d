import type { Kysely, Selectable } from 'kysely';
import { chunks } from './chunks.ts';
import type { RawSql } from './raw.ts';
import { toDate } from './rows.ts';
import type { Database } from './schema.ts';
import type { FetchHistoryRecord, FetchOutcome, SaveResult } from './store.ts';

/** Fetch attempts kept per feed: enough for health reports, bounded so the table cannot grow forever. */
export const HISTORY_PER_FEED = 100;

/** Records one fetch attempt and drops the feed's attempts beyond the newest HISTORY_PER_FEED. */
export async function recordAttempt(trx: Kysely<Database>, raw: RawSql, feedId: number, outcome: FetchOutcome, saved: SaveResult): Promise<void> {
  await raw(
    trx,
    'insert into fetch_history (feed_id, at, status, http_status, error_code, bytes, ms, new_entries, updated_entries) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [
      feedId,
      outcome.at.getTime(),
      outcome.kind,
      outcome.httpStatus ?? null,
      outcome.kind === 'failed' ? outcome.error.code : null,
      outcome.bytes ?? null,
      outcome.ms === undefined ? null : Math.round(outcome.ms),
      saved.newEntries,
      saved.updatedEntries,
    ],
  );
  // One statement, as it runs on every save: while the feed has fewer attempts the subquery is
  // NULL, and `id < NULL` deletes nothing.
  await raw(
    trx,
    'delete from fetch_history where feed_id = ? and id < (select id from fetch_history where feed_id = ? order by id desc limit 1 offset ?)',
    [feedId, feedId, HISTORY_PER_FEED - 1],
  );
}

/** The feed's attempts, newest first. */
export async function readHistory(db: Kysely<Database>, feedId: number, limit: number): Promise<FetchHistoryRecord[]> {
  const rows = await db
    .selectFrom('fetch_history')
    .selectAll()
    .where('feed_id', '=', feedId)
    .orderBy('id', 'desc')
    .limit(Math.max(0, Math.floor(limit)))
    .execute();
  return rows.map(historyFromRow);
}

/** Every given feed's attempts, newest first, in one query per chunk of feeds (a build reads them all). */
export async function readHistories(db: Kysely<Database>, feedIds: readonly number[]): Promise<Map<number, FetchHistoryRecord[]>> {
  const histories = new Map<number, FetchHistoryRecord[]>(feedIds.map((id) => [id, []]));
  for (const ids of chunks(feedIds)) {
    const rows = await db.selectFrom('fetch_history').selectAll().where('feed_id', 'in', ids).orderBy('feed_id').orderBy('id', 'desc').execute();
    for (const row of rows) histories.get(row.feed_id)?.push(historyFromRow(row));
  }
  return histories;
}

function historyFromRow(row: Selectable<Database['fetch_history']>): FetchHistoryRecord {
  const record: FetchHistoryRecord = {
    at: toDate(row.at),
    status: row.status as FetchHistoryRecord['status'],
    newEntries: row.new_entries,
    updatedEntries: row.updated_entries,
  };
  if (row.http_status !== null) record.httpStatus = row.http_status;
  if (row.error_code !== null) record.errorCode = row.error_code;
  if (row.bytes !== null) record.bytes = row.bytes;
  if (row.ms !== null) record.ms = row.ms;
  return record;
}
