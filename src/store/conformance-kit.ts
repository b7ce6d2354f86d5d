import type { Entry, FeedConfig, FeedRecord } from '../model/index.ts';
import type { AppliedMigration } from './migrate.ts';
import type { FetchOutcome, Store } from './store.ts';

/** What a driver hands the conformance suite: one fresh, empty location it can open again and again. */
export interface StoreFixture {
  /** Opens the store at the fixture's location; called again after close() to reopen the same data. */
  open(): Promise<Store>;
  /** The migrations recorded in the location, read without going through a Store. */
  appliedMigrations(): Promise<AppliedMigration[]>;
  /** Removes the location and everything in it. */
  dispose(): Promise<void>;
}

/** Makes a new fixture for each test. */
export type StoreFactory = () => Promise<StoreFixture>;

/** Runs `body` against a freshly opened store, closing and disposing of it afterwards. */
export async function withStore(
  factory: StoreFactory,
  body: (store: Store, fixture: StoreFixture) => Promise<void>,
): Promise<void> {
  const fixture = await factory();
  const store = await fixture.open();
  try {
    await body(store, fixture);
  } finally {
    await store.close();
    await fixture.dispose();
  }
}

/** A fixed instant `minutes` after a base time, so tests read as a timeline. */
export function t(minutes: number): Date {
  return new Date(Date.UTC(2024, 4, 1, 12, 0, 0) + minutes * 60_000);
}

/** A config entry for feed `n`. */
export function feedConfig(n: number, name = `Feed ${n}`): FeedConfig {
  return { url: `https://blog${n}.example/feed.xml`, name };
}

/** Syncs `count` feeds and returns their records. */
export async function addFeeds(store: Store, count: number): Promise<FeedRecord[]> {
  return store.syncFeeds(Array.from({ length: count }, (_, i) => feedConfig(i + 1)));
}

/** A successful fetch at `at` carrying `entries`. */
export function updated(at: Date, entries: readonly Entry[], extra: Partial<Extract<FetchOutcome, { kind: 'updated' }>> = {}): FetchOutcome {
  return {
    kind: 'updated',
    at,
    httpStatus: 200,
    validators: { etag: '"v1"', lastModified: 'Wed, 01 May 2024 12:00:00 GMT' },
    feed: { title: 'A Blog', link: 'https://blog.example/' },
    entries,
    ...extra,
  };
}

/** A failed fetch at `at`. */
export function failed(at: Date, httpStatus?: number): FetchOutcome {
  return { kind: 'failed', at, httpStatus, error: { code: 'timeout', message: 'fetch: timed out after 20 s' } };
}

/** The store's one record for feed `id`. */
export async function feedById(store: Store, id: number): Promise<FeedRecord> {
  const record = (await store.listFeeds()).find((feed) => feed.id === id);
  if (record === undefined) throw new Error(`feed ${id} not listed`);
  return record;
}
