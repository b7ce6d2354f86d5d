import type { Transaction } from 'kysely';
import type { Entry } from '../model/index.ts';
import { chunks } from './chunks.ts';
import { placeholders } from './raw.ts';
import type { RawSql } from './raw.ts';
import { entryColumns, linkKey, storableEntry, toMillis } from './rows.ts';
import type { Database } from './schema.ts';
import type { EntryPolicy, FetchOutcome, SaveResult } from './store.ts';

type Updated = Extract<FetchOutcome, { kind: 'updated' }>;

// Rows per INSERT: about 20 columns each keeps a statement far below every engine's parameter cap.
const INSERT_ROWS = 50;

/** What saveEntries compares an incoming entry against. */
interface ExistingEntry {
  id: number;
  content_hash: string;
  published: number | string | null;
  updated: number | string | null;
  base_url: string | null;
  hidden: number;
}

/** An entry of another feed that a new entry may repeat. */
interface Original {
  id: number;
  feed_id: number;
  entry_key: string;
  link_key: string | null;
  duplicate_of: number | null;
  first_seen: number | string;
  display_date: number | string;
}

/** A new row of `entries`, as the INSERT below binds it. */
type NewRow = ReturnType<typeof entryColumns> & {
  feed_id: number;
  entry_key: string;
  first_seen: number;
  display_date: number;
  last_seen: number;
  hidden: number;
  duplicate_of: number | null;
};

// Every column of NewRow, in the order of the INSERT's VALUES.
const NEW_ROW_COLUMNS = [
  'feed_id', 'entry_key', 'title', 'link', 'content', 'summary', 'author_name', 'author_email', 'author_uri', 'published', 'updated',
  'base_url', 'link_key', 'content_hash', 'first_seen', 'display_date', 'last_seen', 'hidden', 'duplicate_of',
] as const satisfies readonly (keyof NewRow)[];
// A column added to NewRow but not to the list above fails to compile here.
const allColumnsListed: [Exclude<keyof NewRow, (typeof NEW_ROW_COLUMNS)[number]>] extends [never] ? true : never = true;
void allColumnsListed;

/** Each entry's row columns, computed once per save: the link key (a URL parse) and the content hash are not cheap. */
type Columns = ReadonlyMap<Entry, ReturnType<typeof entryColumns>>;

/** The first entry of each id, in feed order: a feed repeating an id most likely means its first copy. */
function firstOfEachId(entries: readonly Entry[]): Entry[] {
  const seen = new Set<string>();
  return entries.filter((entry) => (seen.has(entry.id) ? false : (seen.add(entry.id), true)));
}

function sameMillis(stored: number | string | null, next: number | null): boolean {
  return (stored === null ? null : Number(stored)) === next;
}

/**
 * Where a new entry goes in the river, or undefined to skip it: its claimed date, else the time
 * it was first seen; a future claim follows the policy (Venus's future_dates).
 */
function placeNew(entry: Entry, seenAt: number, policy: EntryPolicy): number | undefined {
  const claimed = toMillis(entry.published) ?? toMillis(entry.updated);
  if (claimed === null) return seenAt;
  if (claimed <= seenAt) return claimed;
  if (policy.futureDates === 'keep') return claimed;
  return policy.futureDates === 'ignore_entry' ? undefined : seenAt;
}

/**
 * Ids that name a post across feeds: URIs (http:, urn:, tag:...). Bare ids such as "42" are
 * unique only inside their own feed, so they never make two feeds' entries one.
 */
function isGlobalId(id: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\S/i.test(id);
}

/** Link keys that identify one post: not the site's home page, and not shared by two entries of the document. */
function postLinks(entries: readonly Entry[], columnsOf: Columns, siteLink: string | undefined): Set<string> {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    const key = columnsOf.get(entry)?.link_key ?? null;
    if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const home = linkKey(siteLink);
  return new Set([...counts].filter(([key, n]) => n === 1 && key !== home).map(([key]) => key));
}

/**
 * Stored entries that the new entries repeat, by id and by link (the earliest row wins). The
 * feed's own entries count too: a feed that re-issues its posts under new ids (FeedBurner did)
 * is matched by link, so its posts are neither repeated nor moved.
 */
async function findOriginals(
  trx: Transaction<Database>,
  raw: RawSql,
  entries: readonly Entry[],
  columnsOf: Columns,
  links: Set<string>,
): Promise<{ byKey: Map<string, Original>; byLink: Map<string, Original> }> {
  const byKey = new Map<string, Original>();
  const byLink = new Map<string, Original>();
  const keys = entries.map((entry) => entry.id).filter(isGlobalId);
  const wanted = entries.flatMap((entry) => {
    const key = columnsOf.get(entry)?.link_key ?? null;
    return key !== null && links.has(key) ? [key] : [];
  });
  for (const [column, values, into] of [['entry_key', keys, byKey], ['link_key', wanted, byLink]] as const) {
    for (const part of chunks(values)) {
      // Only the key column in WHERE, so every engine looks the values up in its index; a
      // filter on duplicate_of or an ORDER BY id can make SQLite walk the whole table instead.
      const { rows } = await raw<Original>(
        trx,
        `select id, feed_id, entry_key, link_key, first_seen, display_date, duplicate_of from entries where ${column} in (${placeholders(part.length)})`,
        part,
      );
      for (const row of rows.sort((a, b) => a.id - b.id)) {
        const value = column === 'entry_key' ? row.entry_key : row.link_key;
        if (row.duplicate_of === null && value !== null && !into.has(value)) into.set(value, row);
      }
    }
  }
  return { byKey, byLink };
}

/** The rank of a feed in the configured preference; feeds not listed come last. */
function rank(order: readonly number[] | undefined, feedId: number): number {
  const i = order?.indexOf(feedId) ?? -1;
  return i === -1 ? Number.MAX_SAFE_INTEGER : i;
}

/** Stores the entries of a successful fetch: inserts new ones, updates changed ones, applies the policy. */
export async function saveEntries(trx: Transaction<Database>, raw: RawSql, feedId: number, outcome: Updated, policy: EntryPolicy): Promise<SaveResult> {
  const unique = firstOfEachId(outcome.entries.map(storableEntry));
  const columnsOf: Columns = new Map(unique.map((entry) => [entry, entryColumns(entry)]));
  const seenAt = outcome.at.getTime();
  const existing = new Map<string, ExistingEntry>();
  for (const keys of chunks(unique.map((entry) => entry.id))) {
    const { rows } = await raw<ExistingEntry & { entry_key: string }>(
      trx,
      `select id, entry_key, content_hash, published, updated, base_url, hidden from entries where feed_id = ? and entry_key in (${placeholders(keys.length)})`,
      [feedId, ...keys],
    );
    for (const row of rows) existing.set(row.entry_key, row);
  }

  const placed = new Map<Entry, number>();
  for (const entry of unique) {
    if (existing.has(entry.id)) continue;
    const at = placeNew(entry, seenAt, policy);
    if (at !== undefined) placed.set(entry, at);
  }
  const hidden = await backCatalogue(trx, feedId, placed, policy);
  const fresh = [...placed.keys()];
  const originals = await findOriginals(trx, raw, fresh, columnsOf, postLinks(unique, columnsOf, outcome.feed.link));

  const result: SaveResult = { newEntries: 0, updatedEntries: 0 };
  // New rows go in multi-row INSERTs: one statement per entry made a feed's first fetch slow.
  const pending: NewRow[] = [];
  const flush = async (): Promise<void> => {
    for (const rows of chunks(pending.splice(0), INSERT_ROWS)) {
      const values = rows.map(() => `(${placeholders(NEW_ROW_COLUMNS.length)})`).join(', ');
      await raw(trx, `insert into entries (${NEW_ROW_COLUMNS.join(', ')}) values ${values}`, rows.flatMap((row) => NEW_ROW_COLUMNS.map((column) => row[column])));
    }
  };
  // Inserted last to first: feeds list newest first, and entries that tie on dates fall back to
  // the higher row id, so undated entries keep the order the feed gave them.
  for (const entry of unique.toReversed()) {
    const columns = columnsOf.get(entry) ?? entryColumns(entry);
    const old = existing.get(entry.id);
    const displayAt = placed.get(entry);
    if (old === undefined) {
      if (displayAt === undefined) continue;
      const key = columns.link_key;
      const original = originals.byKey.get(entry.id) ?? (key === null ? undefined : originals.byLink.get(key));
      const takesOver = original !== undefined && rank(policy.feedOrder, feedId) < rank(policy.feedOrder, original.feed_id);
      const row: NewRow = {
        ...columns,
        feed_id: feedId,
        entry_key: entry.id,
        // A preferred feed taking a post over keeps the post where the river already had it.
        first_seen: takesOver ? Number(original.first_seen) : seenAt,
        display_date: takesOver ? Number(original.display_date) : displayAt,
        last_seen: seenAt,
        hidden: hidden.has(entry) ? 1 : 0,
        duplicate_of: original === undefined || takesOver ? null : original.id,
      };
      if (!takesOver) {
        pending.push(row);
      } else {
        // Written in order with the batch, so row ids still follow the feed's order.
        await flush();
        const inserted = await trx.insertInto('entries').values(row).returning('id').executeTakeFirstOrThrow();
        await trx
          .updateTable('entries')
          .set({ duplicate_of: inserted.id })
          .where((eb) => eb.or([eb('id', '=', original.id), eb('duplicate_of', '=', original.id)]))
          .execute();
      }
      result.newEntries += 1;
      continue;
    }
    const unchanged =
      old.content_hash === columns.content_hash &&
      sameMillis(old.published, columns.published) &&
      sameMillis(old.updated, columns.updated) &&
      old.base_url === columns.base_url;
    if (unchanged) continue;
    const edited = old.content_hash !== columns.content_hash;
    // first_seen and display_date stay: a feed re-dating a post must not move it in the river.
    // Only a real edit under the opt-in bump policy moves it, to when the edit was seen.
    const bump = edited && policy.bumpOnUpdate && old.hidden === 0 ? { display_date: seenAt } : {};
    const changes: Record<string, unknown> = { ...columns, ...bump };
    const names = Object.keys(changes);
    await raw(trx, `update entries set ${names.map((name) => `${name} = ?`).join(', ')} where id = ?`, [...names.map((name) => changes[name]), old.id]);
    if (edited) result.updatedEntries += 1;
  }
  await flush();
  // Rows inserted above already carry last_seen; only the ones that were stored before move on.
  for (const keys of chunks([...existing.keys()])) {
    await raw(trx, `update entries set last_seen = ? where feed_id = ? and entry_key in (${placeholders(keys.length)})`, [seenAt, feedId, ...keys]);
  }
  return result;
}

/**
 * The entries to store hidden: when the planet already has entries and this is the feed's first
 * batch, all but its newest `newFeedItems`, so a new subscription never floods the river.
 */
async function backCatalogue(
  trx: Transaction<Database>,
  feedId: number,
  placed: Map<Entry, number>,
  policy: EntryPolicy,
): Promise<Set<Entry>> {
  const limit = policy.newFeedItems;
  if (limit === undefined || placed.size <= limit) return new Set();
  const any = await trx.selectFrom('entries').select('id').where('feed_id', '=', feedId).limit(1).executeTakeFirst();
  if (any !== undefined) return new Set();
  // Newest first; Array.sort is stable, so equal dates keep the feed's order.
  const newest = [...placed].sort((a, b) => b[1] - a[1]).map(([entry]) => entry);
  return new Set(newest.slice(limit));
}
