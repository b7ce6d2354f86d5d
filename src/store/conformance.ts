import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Entry } from '../model/index.ts';
import { testAvatarRules } from './conformance-avatars.ts';
import { testCacheRules } from './conformance-caches.ts';
import { testEntryRules } from './conformance-entries.ts';
import { testFeedRules } from './conformance-feeds.ts';
import { testLifecycleRules } from './conformance-lifecycle.ts';
import { addFeeds, feedConfig, t, updated, withStore } from './conformance-kit.ts';
import type { StoreFactory } from './conformance-kit.ts';
import { migrationNames } from './migrations/index.ts';

export type { StoreFactory, StoreFixture } from './conformance-kit.ts';

/** The behaviour every Store driver must show; a driver's test calls this with its own factory. */
export function testStore(name: string, factory: StoreFactory): void {
  describe(`Store conformance: ${name}`, () => {
    testFeedRules(factory);
    testEntryRules(factory);
    testLifecycleRules(factory);
    testAvatarRules(factory);
    testCacheRules(factory);

    test('a closed and reopened store has the same data, and its migrations are not run again', async () => {
      const fixture = await factory();
      try {
        let store = await fixture.open();
        const [feed] = await addFeeds(store, 2);
        assert.ok(feed);
        await store.saveFetch(feed.id, updated(t(0), [{ id: 'a', title: 'A', published: t(-5) }, { id: 'b' }]));
        const feedsBefore = await store.listFeeds();
        const entriesBefore = await store.listEntries({ feedIds: [feed.id], limit: 10 });
        await store.close();
        await store.close();
        const migrationsBefore = await fixture.appliedMigrations();
        assert.deepEqual(migrationsBefore.map((migration) => migration.name), migrationNames);

        store = await fixture.open();
        try {
          assert.deepEqual(await store.listFeeds(), feedsBefore);
          assert.deepEqual(await store.listEntries({ feedIds: [feed.id], limit: 10 }), entriesBefore);
          const result = await store.saveFetch(feed.id, updated(t(1), [{ id: 'a', title: 'A', published: t(-5) }]));
          assert.deepEqual(result, { newEntries: 0, updatedEntries: 0 });
        } finally {
          await store.close();
        }
        assert.deepEqual(await fixture.appliedMigrations(), migrationsBefore);
      } finally {
        await fixture.dispose();
      }
    });

    test('Unicode, SQL-like and large values round-trip exactly', () =>
      withStore(factory, async (store) => {
        const name = "Ünïcödé 🪐 Планета 惑星 كوكب e\u0301 \u2028 '); DROP TABLE feeds; --";
        const [feed] = await store.syncFeeds([{ url: 'https://xn--bcher-kva.example/föö?q=ü&x=🪐', name }]);
        assert.ok(feed);
        assert.equal(feed.name, name);
        const large = `<p>${'Grüße 🌍 — 日本語 '.repeat(150_000)}</p>`;
        const entry: Entry = {
          id: 'tag:例え.example,2024:🆔/1',
          title: name,
          content: large,
          summary: '𝒮𝓊𝓂𝓂𝒶𝓇𝓎 \t\r\n "quoted" \\ backslash %_ wildcard',
          author: { name: 'Zoë 😀', email: 'zoë@例え.example' },
          published: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678)),
        };
        await store.saveFetch(feed.id, updated(t(0), [entry], { feed: { title: name } }));
        const [stored] = await store.listEntries({ feedIds: [feed.id], limit: 1 });
        assert.ok(stored);
        assert.equal(stored.content?.length, large.length);
        assert.deepEqual(stored, { ...entry, feedId: feed.id, firstSeen: t(0), displayDate: entry.published });
        assert.equal((await store.syncFeeds([feedConfig(1)]))[0]?.name, 'Feed 1');
        assert.equal((await store.listFeeds())[0]?.title, name);
      }));
  });
}
