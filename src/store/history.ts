import type { Kysely } from 'kysely';
import { toDate } from './rows.ts';
import type { Database } from './schema.ts';
import type { FetchHistoryRecord, FetchOutcome, SaveResult } from './store.ts';

/** Fetch attempts kept per feed: enough for health reports, bounded so the table cannot grow forever. */
export const HISTORY_PER_FEED = 100;

/** Records one fetch attempt and drops the feed's attempts beyond the newest HISTORY_PER_FEED. */
export async function recordAttempt(trx: Kysely<Database>, feedId: number, outcome: FetchOutcome, saved: SaveResult): Promise<void> {
  await trx
    .insertInto('fetch_history')
    .values({
      feed_id: feedId,
      at: outcome.at.getTime(),
      status: outcome.kind,
      http_status: outcome.httpStatus ?? null,
      error_code: outcome.kind === 'failed' ? outcome.error.code : null,
      bytes: outcome.bytes ?? null,
      ms: outcome.ms === undefined ? null : Math.round(outcome.ms),
      new_entries: saved.newEntries,
      updated_entries: saved.updatedEntries,
    })
    .execute();
  // One statement, as it runs on every save: while the feed has fewer attempts the subquery is
  // NULL, and `id < NULL` deletes nothing.
  await trx
    .deleteFrom('fetch_history')
    .where('feed_id', '=', feedId)
    .where('id', '<', (eb) =>
      eb.selectFrom('fetch_history').select('id').where('feed_id', '=', feedId).orderBy('id', 'desc').offset(HISTORY_PER_FEED - 1).limit(1),
    )
    .execute();
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
  return rows.map((row) => {
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
  });
}
