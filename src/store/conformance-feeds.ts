import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StoreError } from '../model/index.ts';
import { addFeeds, failed, feedById, feedConfig, t, updated, withStore } from './conformance-kit.ts';
import type { StoreFactory } from './conformance-kit.ts';

/** The suite's rules for syncFeeds and for what saveFetch records on the feed row. */
export function testFeedRules(factory: StoreFactory): void {
  test('syncFeeds adds new feeds and returns them in the order given', () =>
    withStore(factory, async (store) => {
      const first = await store.syncFeeds([feedConfig(1), feedConfig(2), feedConfig(3)]);
      assert.deepEqual(
        first.map((feed) => [feed.url, feed.name, feed.consecutiveFailures, feed.validators]),
        [1, 2, 3].map((n) => [feedConfig(n).url, `Feed ${n}`, 0, {}]),
      );
      assert.equal(new Set(first.map((feed) => feed.id)).size, 3);
      for (const feed of first) {
        assert.equal(feed.lastFetchedAt, undefined);
        assert.equal(feed.lastError, undefined);
      }
      const again = await store.syncFeeds([feedConfig(3), feedConfig(1)]);
      assert.deepEqual(again.map((feed) => feed.id), [first[2]?.id, first[0]?.id]);
      assert.deepEqual(await store.syncFeeds([]), []);
    }));

  test('syncFeeds renames a feed in place and leaves its fetch state alone', () =>
    withStore(factory, async (store) => {
      const [feed] = await addFeeds(store, 1);
      assert.ok(feed);
      await store.saveFetch(feed.id, updated(t(0), []));
      const [renamed] = await store.syncFeeds([feedConfig(1, 'New name')]);
      assert.equal(renamed?.id, feed.id);
      assert.equal(renamed?.name, 'New name');
      assert.equal(renamed?.title, 'A Blog');
      assert.deepEqual(renamed?.lastSuccessAt, t(0));
      assert.equal(renamed?.validators.etag, '"v1"');
    }));

  test('syncFeeds keeps feeds dropped from the config, with their entries', () =>
    withStore(factory, async (store) => {
      const [, dropped] = await addFeeds(store, 2);
      assert.ok(dropped);
      await store.saveFetch(dropped.id, updated(t(0), [{ id: 'a', title: 'Kept' }]));
      await store.syncFeeds([feedConfig(1)]);
      assert.deepEqual((await store.listFeeds()).map((feed) => feed.url), [feedConfig(1).url, feedConfig(2).url]);
      const entries = await store.listEntries({ feedIds: [dropped.id], limit: 10 });
      assert.deepEqual(entries.map((entry) => entry.title), ['Kept']);
    }));

  test("'updated' records validators, feed title and success, and clears the last error", () =>
    withStore(factory, async (store) => {
      const [feed] = await addFeeds(store, 1);
      assert.ok(feed);
      await store.saveFetch(feed.id, failed(t(0), 503));
      await store.saveFetch(feed.id, failed(t(1), 503));
      await store.saveFetch(
        feed.id,
        updated(t(2), [], {
          httpStatus: 203,
          validators: { etag: 'W/"e2"', lastModified: 'Thu, 02 May 2024 08:00:00 GMT' },
          feed: { title: 'Title 2', link: 'https://site.example/' },
        }),
      );
      const record = await feedById(store, feed.id);
      assert.deepEqual(record.validators, { etag: 'W/"e2"', lastModified: 'Thu, 02 May 2024 08:00:00 GMT' });
      assert.equal(record.title, 'Title 2');
      assert.equal(record.siteLink, 'https://site.example/');
      assert.deepEqual(record.lastFetchedAt, t(2));
      assert.deepEqual(record.lastSuccessAt, t(2));
      assert.equal(record.lastHttpStatus, 203);
      assert.equal(record.lastError, undefined);
      assert.equal(record.consecutiveFailures, 0);
    }));

  test("'updated' replaces the validators: one the server stopped sending is dropped", () =>
    withStore(factory, async (store) => {
      const [feed] = await addFeeds(store, 1);
      assert.ok(feed);
      await store.saveFetch(feed.id, updated(t(0), []));
      await store.saveFetch(feed.id, updated(t(1), [], { validators: { lastModified: 'Fri, 03 May 2024 08:00:00 GMT' } }));
      assert.deepEqual((await feedById(store, feed.id)).validators, { lastModified: 'Fri, 03 May 2024 08:00:00 GMT' });
    }));

  test("'not-modified' records success, keeps entries, and keeps validators the 304 left out", () =>
    withStore(factory, async (store) => {
      const [feed] = await addFeeds(store, 1);
      assert.ok(feed);
      await store.saveFetch(feed.id, updated(t(0), [{ id: 'a', title: 'Entry A' }]));
      await store.saveFetch(feed.id, failed(t(1)));
      const result = await store.saveFetch(feed.id, {
        kind: 'not-modified',
        at: t(2),
        httpStatus: 304,
        validators: { etag: '"v2"' },
      });
      assert.deepEqual(result, { newEntries: 0, updatedEntries: 0 });
      let record = await feedById(store, feed.id);
      assert.deepEqual(record.validators, { etag: '"v2"', lastModified: 'Wed, 01 May 2024 12:00:00 GMT' });
      assert.deepEqual(record.lastFetchedAt, t(2));
      assert.deepEqual(record.lastSuccessAt, t(2));
      assert.equal(record.lastHttpStatus, 304);
      assert.equal(record.lastError, undefined);
      assert.equal(record.consecutiveFailures, 0);
      assert.equal(record.title, 'A Blog');

      await store.saveFetch(feed.id, { kind: 'not-modified', at: t(3), httpStatus: 304, validators: {} });
      record = await feedById(store, feed.id);
      assert.deepEqual(record.validators, { etag: '"v2"', lastModified: 'Wed, 01 May 2024 12:00:00 GMT' });
      const entries = await store.listEntries({ feedIds: [feed.id], limit: 10 });
      assert.deepEqual(entries.map((entry) => [entry.id, entry.title]), [['a', 'Entry A']]);
    }));

  test("'failed' records the error and counts failures, keeping everything the feed had", () =>
    withStore(factory, async (store) => {
      const [feed] = await addFeeds(store, 1);
      assert.ok(feed);
      await store.saveFetch(feed.id, updated(t(0), [{ id: 'a', title: 'Entry A' }]));
      const result = await store.saveFetch(feed.id, failed(t(1), 500));
      assert.deepEqual(result, { newEntries: 0, updatedEntries: 0 });
      let record = await feedById(store, feed.id);
      assert.deepEqual(record.lastFetchedAt, t(1));
      assert.deepEqual(record.lastSuccessAt, t(0));
      assert.equal(record.lastHttpStatus, 500);
      assert.deepEqual(record.lastError, { code: 'timeout', message: 'fetch: timed out after 20 s' });
      assert.equal(record.consecutiveFailures, 1);
      assert.deepEqual(record.validators, { etag: '"v1"', lastModified: 'Wed, 01 May 2024 12:00:00 GMT' });
      assert.equal(record.title, 'A Blog');
      assert.equal(record.siteLink, 'https://blog.example/');

      await store.saveFetch(feed.id, failed(t(2)));
      record = await feedById(store, feed.id);
      assert.equal(record.consecutiveFailures, 2);
      assert.equal(record.lastHttpStatus, undefined);
      assert.deepEqual(record.lastFetchedAt, t(2));
      const entries = await store.listEntries({ feedIds: [feed.id], limit: 10 });
      assert.deepEqual(entries.map((entry) => entry.title), ['Entry A']);
    }));

  test('a success records where temporary redirects landed; a failure keeps it, a direct success clears it', () =>
    withStore(factory, async (store) => {
      const [feed] = await addFeeds(store, 1);
      assert.ok(feed);
      await store.saveFetch(feed.id, updated(t(0), [], { finalUrl: 'https://landing.example/feed.xml' }));
      assert.equal((await feedById(store, feed.id)).finalUrl, 'https://landing.example/feed.xml');
      await store.saveFetch(feed.id, failed(t(1), 500));
      assert.equal((await feedById(store, feed.id)).finalUrl, 'https://landing.example/feed.xml');
      await store.saveFetch(feed.id, { kind: 'not-modified', at: t(2), httpStatus: 304, validators: {}, finalUrl: 'https://other.example/feed.xml' });
      assert.equal((await feedById(store, feed.id)).finalUrl, 'https://other.example/feed.xml');
      await store.saveFetch(feed.id, updated(t(3), [], { finalUrl: null }));
      assert.equal((await feedById(store, feed.id)).finalUrl, undefined);
    }));

  test('saveFetch for an unknown feed id throws StoreError store-query', () =>
    withStore(factory, async (store) => {
      const [feed] = await addFeeds(store, 1);
      assert.ok(feed);
      await assert.rejects(store.saveFetch(feed.id + 1000, failed(t(0))), (error: unknown) => {
        assert.ok(error instanceof StoreError);
        assert.equal(error.code, 'store-query');
        assert.match(error.message, /no feed with id/);
        return true;
      });
    }));

  test('saveFetch is one transaction: a failing entry leaves the feed row and entries as they were', () =>
    withStore(factory, async (store) => {
      const [feed] = await addFeeds(store, 1);
      assert.ok(feed);
      await store.saveFetch(feed.id, updated(t(0), [{ id: 'old', title: 'Old' }]));
      // An id the schema rejects (NOT NULL) makes the last insert fail after the feed row was updated.
      const broken = { id: null as unknown as string, title: 'Broken' };
      const outcome = updated(t(1), [broken, { id: 'new', title: 'New' }], { validators: { etag: '"v9"' } });
      await assert.rejects(store.saveFetch(feed.id, outcome), (error: unknown) => {
        assert.ok(error instanceof StoreError);
        assert.equal(error.code, 'store-query');
        return true;
      });
      const record = await feedById(store, feed.id);
      assert.equal(record.validators.etag, '"v1"');
      assert.deepEqual(record.lastFetchedAt, t(0));
      const entries = await store.listEntries({ feedIds: [feed.id], limit: 10 });
      assert.deepEqual(entries.map((entry) => entry.id), ['old']);
    }));
}
