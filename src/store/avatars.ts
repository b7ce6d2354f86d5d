import type { Kysely } from 'kysely';
import type { Validators } from '../model/index.ts';
import { toDate } from './rows.ts';
import type { Database } from './schema.ts';

/** A feed's cached avatar (migration 0006): what was chosen, from where, and when it was checked. */
export interface AvatarRecord {
  feedId: number;
  /** The image the feed document names (Atom icon/logo, RSS image), from its last successful parse. */
  feedImage?: string;
  /** The candidate list the picture was chosen from (see the avatar stage's candidatesKey). */
  candidatesKey?: string;
  /** Where `body` was fetched from; absent when no candidate gave an image (initials are used). */
  sourceUrl?: string;
  contentType?: string;
  /** The image's bytes, already size-checked and sniffed. */
  body?: Uint8Array;
  /** Validators of `sourceUrl`, for the conditional re-check. */
  validators: Validators;
  /** When the candidates were last tried. */
  checkedAt?: Date;
  /** Why the last check fell back (every candidate that failed, and why). */
  error?: string;
}

/** Every cached avatar, by feed id order. */
export async function readAvatars(db: Kysely<Database>): Promise<AvatarRecord[]> {
  const rows = await db.selectFrom('avatars').selectAll().orderBy('feed_id').execute();
  return rows.map((row) => {
    const record: AvatarRecord = { feedId: row.feed_id, validators: {} };
    if (row.feed_image !== null) record.feedImage = row.feed_image;
    if (row.candidates_key !== null) record.candidatesKey = row.candidates_key;
    if (row.source_url !== null) record.sourceUrl = row.source_url;
    if (row.content_type !== null) record.contentType = row.content_type;
    // Drivers hand back a Buffer (better-sqlite3, pg); copy into a plain Uint8Array view of it.
    if (row.body !== null) record.body = new Uint8Array(row.body);
    if (row.etag !== null) record.validators.etag = row.etag;
    if (row.last_modified !== null) record.validators.lastModified = row.last_modified;
    if (row.checked_at !== null) record.checkedAt = toDate(row.checked_at);
    if (row.error !== null) record.error = row.error;
    return record;
  });
}

/** Stores a feed's avatar record whole, replacing the previous one. */
export async function writeAvatar(db: Kysely<Database>, record: AvatarRecord): Promise<void> {
  const values = {
    feed_image: record.feedImage ?? null,
    candidates_key: record.candidatesKey ?? null,
    source_url: record.sourceUrl ?? null,
    content_type: record.contentType ?? null,
    body: record.body === undefined ? null : Buffer.from(record.body),
    etag: record.validators.etag ?? null,
    last_modified: record.validators.lastModified ?? null,
    checked_at: record.checkedAt?.getTime() ?? null,
    error: record.error ?? null,
  };
  await db
    .insertInto('avatars')
    .values({ feed_id: record.feedId, ...values })
    .onConflict((oc) => oc.column('feed_id').doUpdateSet(values))
    .execute();
}
