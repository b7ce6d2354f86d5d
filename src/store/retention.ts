import type { Kysely } from 'kysely';
import { chunks } from './chunks.ts';
import { toDate } from './rows.ts';
import type { Database } from './schema.ts';
import type { ExpungedEntry, RetentionPolicy } from './store.ts';

const DAY_MS = 86_400_000;

/**
 * The entries retention drops, feed by feed. An entry goes only when all of these hold: it is
 * not among its feed's `keepPerFeed` newest; it was first seen and is dated more than `keepDays`
 * ago; and the feed's latest document no longer lists it. The last rule means a feed that
 * fails, answers 304 or turns up empty never loses anything: its latest document is unchanged.
 */
export async function expungeEntries(trx: Kysely<Database>, policy: RetentionPolicy): Promise<ExpungedEntry[]> {
  if (policy.keepDays <= 0) return [];
  const cutoff = policy.now.getTime() - policy.keepDays * DAY_MS;
  const feeds = await trx.selectFrom('feeds').select(['id', 'url']).orderBy('id').execute();
  const gone: ExpungedEntry[] = [];
  const ids: number[] = [];
  for (const feed of feeds) {
    const rows = await trx
      .selectFrom('entries')
      .select(['id', 'entry_key', 'title', 'display_date', 'first_seen', 'last_seen'])
      .where('feed_id', '=', feed.id)
      .orderBy('display_date', 'desc')
      .orderBy('first_seen', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const latest = Math.max(...rows.map((row) => Number(row.last_seen ?? row.first_seen)));
    for (const row of rows.slice(Math.max(1, policy.keepPerFeed))) {
      const old = Number(row.display_date) < cutoff && Number(row.first_seen) < cutoff;
      const dropped = Number(row.last_seen ?? row.first_seen) < latest;
      if (!old || !dropped) continue;
      ids.push(row.id);
      const entry: ExpungedEntry = { feedId: feed.id, feedUrl: feed.url, id: row.entry_key, displayDate: toDate(row.display_date) };
      if (row.title !== null) entry.title = row.title;
      gone.push(entry);
    }
  }
  if (!policy.dryRun) {
    for (const part of chunks(ids)) await trx.deleteFrom('entries').where('id', 'in', part).execute();
  }
  return gone;
}
