import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addFeeds, t, withStore } from './conformance-kit.ts';
import type { StoreFactory } from './conformance-kit.ts';

/** The filter and reading-list caches (migration 0007): replaced whole, kept across reopening. */
export function testCacheRules(factory: StoreFactory): void {
  test('a feed\'s filtered ids are replaced whole, voided by new settings, forgotten when none', () =>
    withStore(factory, async (store) => {
      const [one, two] = await addFeeds(store, 2);
      assert.ok(one && two);
      assert.deepEqual(await store.listFilteredIds(), []);
      // More ids than one statement binds, Unicode, and one id twice.
      const many = Array.from({ length: 1200 }, (_, i) => `urn:x:${String(i).padStart(4, '0')}`);
      await store.setFilteredIds(two.id, 'fp-two', [...many, 'urn:x:0007']);
      await store.setFilteredIds(one.id, 'fp-one', ['tag:例え.example,2024:🆔/1', "'); DROP TABLE feeds; --"]);
      assert.deepEqual(await store.listFilteredIds(), [
        { feedId: one.id, settings: 'fp-one', ids: ["'); DROP TABLE feeds; --", 'tag:例え.example,2024:🆔/1'] },
        { feedId: two.id, settings: 'fp-two', ids: many },
      ]);

      await store.setFilteredIds(two.id, 'fp-two-changed', ['urn:x:new']);
      assert.deepEqual((await store.listFilteredIds())[1], { feedId: two.id, settings: 'fp-two-changed', ids: ['urn:x:new'] });
      await store.setFilteredIds(one.id, 'fp-one', []);
      assert.deepEqual(await store.listFilteredIds(), [{ feedId: two.id, settings: 'fp-two-changed', ids: ['urn:x:new'] }]);
    }));

  test('a reading list copy round-trips, and saving again replaces it', () =>
    withStore(factory, async (store) => {
      assert.deepEqual(await store.listReadingLists(), []);
      const opml = `<?xml version="1.0"?>\n<opml><body><outline text="Zoë 🪐 \u2028" xmlUrl="https://b.example/feed?a=1&amp;b=2"/></body></opml>\r\n`;
      await store.saveReadingList({ url: 'https://lists.example/team.opml', format: 'opml', body: opml, validators: { etag: '"v1"', lastModified: 'Wed, 01 May 2024 12:00:00 GMT' }, fetchedAt: t(0) });
      await store.saveReadingList({ url: '/srv/planet/members.csv', format: 'csv', body: 'url\nhttps://a.example/feed\n', validators: {}, fetchedAt: t(1) });
      assert.deepEqual(await store.listReadingLists(), [
        { url: '/srv/planet/members.csv', format: 'csv', body: 'url\nhttps://a.example/feed\n', validators: {}, fetchedAt: t(1) },
        { url: 'https://lists.example/team.opml', format: 'opml', body: opml, validators: { etag: '"v1"', lastModified: 'Wed, 01 May 2024 12:00:00 GMT' }, fetchedAt: t(0) },
      ]);

      // A newer copy without validators drops the old ones: they belonged to the old body.
      await store.saveReadingList({ url: 'https://lists.example/team.opml', format: 'foaf', body: '<rdf:RDF/>', validators: {}, fetchedAt: t(2) });
      assert.deepEqual((await store.listReadingLists())[1], { url: 'https://lists.example/team.opml', format: 'foaf', body: '<rdf:RDF/>', validators: {}, fetchedAt: t(2) });
    }));

  test('both caches are still there after the store is closed and reopened', async () => {
    const fixture = await factory();
    try {
      const first = await fixture.open();
      const [feed] = await addFeeds(first, 1);
      assert.ok(feed);
      await first.setFilteredIds(feed.id, 'fp', ['urn:a']);
      await first.saveReadingList({ url: 'https://lists.example/a.opml', format: 'opml', body: '<opml/>', validators: { etag: '"e"' }, fetchedAt: t(3) });
      await first.close();
      const again = await fixture.open();
      try {
        assert.deepEqual(await again.listFilteredIds(), [{ feedId: feed.id, settings: 'fp', ids: ['urn:a'] }]);
        assert.deepEqual(await again.listReadingLists(), [{ url: 'https://lists.example/a.opml', format: 'opml', body: '<opml/>', validators: { etag: '"e"' }, fetchedAt: t(3) }]);
      } finally {
        await again.close();
      }
    } finally {
      await fixture.dispose();
    }
  });
}
