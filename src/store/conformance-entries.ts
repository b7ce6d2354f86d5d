import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Entry } from '../model/index.ts';
import { addFeeds, t, updated, withStore } from './conformance-kit.ts';
import type { StoreFactory } from './conformance-kit.ts';

/** The suite's rules for saving entries and reading the river. */
export function testEntryRules(factory: StoreFactory): void {
  test('a new entry is stored whole, with firstSeen = at and displayDate from its claimed dates', () =>
    withStore(factory, async (store) => {
      const [feed] = await addFeeds(store, 1);
      assert.ok(feed);
      const full: Entry = {
        id: 'urn:uuid:1',
        title: 'Full',
        link: 'https://blog.example/full',
        content: '<p>content</p>',
        summary: '<p>summary</p>',
        author: { name: 'Ada', email: 'ada@example.org', uri: 'https://ada.example/' },
        published: t(-120),
        updated: t(-60),
        baseUrl: 'https://blog.example/posts/',
      };
      const entries: Entry[] = [
        full,
        { id: 'only-updated', updated: t(-30) },
        { id: 'undated' },
        { id: 'future', published: t(60 * 24 * 365) },
        { id: 'before-1970', published: new Date(Date.UTC(1969, 6, 20, 20, 17, 40, 123)) },
      ];
      const result = await store.saveFetch(feed.id, updated(t(0), entries));
      assert.deepEqual(result, { newEntries: 5, updatedEntries: 0 });
      const stored = await store.listEntries({ feedIds: [feed.id], limit: 10 });
      const byId = new Map(stored.map((entry) => [entry.id, entry]));
      assert.deepEqual(byId.get('urn:uuid:1'), { ...full, feedId: feed.id, firstSeen: t(0), displayDate: t(-120) });
      assert.deepEqual(byId.get('only-updated')?.displayDate, t(-30));
      assert.deepEqual(byId.get('undated')?.displayDate, t(0));
      // A future claim is clamped for ordering but kept as the feed stated it.
      assert.deepEqual(byId.get('future')?.displayDate, t(0));
      assert.deepEqual(byId.get('future')?.published, t(60 * 24 * 365));
      assert.deepEqual(byId.get('before-1970')?.displayDate, new Date(Date.UTC(1969, 6, 20, 20, 17, 40, 123)));
      for (const entry of stored) assert.deepEqual(entry.firstSeen, t(0));
    }));

  test('NUL characters are left out of stored text, so one entry cannot fail a feed on PostgreSQL', () =>
    withStore(factory, async (store) => {
      const [feed] = await addFeeds(store, 1);
      assert.ok(feed);
      // PostgreSQL text cannot hold U+0000 at all; JSON Feed and sloppy XML can carry one.
      const nul = '\u0000';
      const entry: Entry = {
        id: `id${nul}1`,
        title: `Ti${nul}tle`,
        link: `https://x.example/${nul}post`,
        author: { name: `Ad${nul}a` },
        published: t(-5),
      };
      const feedPart = { title: `Blog${nul}`, link: `https://x.example/${nul}` };
      assert.deepEqual(await store.saveFetch(feed.id, updated(t(0), [entry], { feed: feedPart, validators: { etag: `"e${nul}"` } })), { newEntries: 1, updatedEntries: 0 });
      const [stored] = await store.listEntries({ feedIds: [feed.id], limit: 10 });
      assert.deepEqual(
        { id: stored?.id, title: stored?.title, link: stored?.link, author: stored?.author },
        { id: 'id1', title: 'Title', link: 'https://x.example/post', author: { name: 'Ada' } },
      );
      const record = (await store.listFeeds()).find((f) => f.id === feed.id);
      assert.deepEqual([record?.title, record?.siteLink, record?.validators.etag], ['Blog', 'https://x.example/', '"e"']);
      // The same entry fetched again is the same entry, not a new one.
      assert.deepEqual(await store.saveFetch(feed.id, updated(t(1), [entry])), { newEntries: 0, updatedEntries: 0 });
    }));

  test('an existing entry keeps firstSeen and displayDate; it counts as updated only when its content changed', () =>
    withStore(factory, async (store) => {
      const [feed] = await addFeeds(store, 1);
      assert.ok(feed);
      const base: Entry = { id: 'e', title: 'T', link: 'https://x.example/', content: 'C', summary: 'S', author: { name: 'A' }, published: t(-10) };
      await store.saveFetch(feed.id, updated(t(0), [base]));

      // Re-dated only: fields follow the feed, but the river position and the count do not.
      let result = await store.saveFetch(feed.id, updated(t(5), [{ ...base, published: t(3), updated: t(4) }]));
      assert.deepEqual(result, { newEntries: 0, updatedEntries: 0 });
      let [entry] = await store.listEntries({ feedIds: [feed.id], limit: 10 });
      assert.deepEqual(entry?.published, t(3));
      assert.deepEqual(entry?.updated, t(4));
      assert.deepEqual(entry?.firstSeen, t(0));
      assert.deepEqual(entry?.displayDate, t(-10));

      // Each change is made on top of the previous one, so only that one field differs.
      const changes: Partial<Entry>[] = [
        { title: 'T2' },
        { link: 'https://x.example/2' },
        { content: 'C2' },
        { summary: 'S2' },
        { author: { name: 'A', email: 'a@example.org' } },
        { author: { name: 'A', email: 'a@example.org', uri: 'https://a.example/' } },
        { author: { name: 'B', email: 'a@example.org', uri: 'https://a.example/' } },
      ];
      let current: Entry = base;
      for (const [i, change] of changes.entries()) {
        current = { ...current, ...change };
        result = await store.saveFetch(feed.id, updated(t(10 + i), [current]));
        assert.deepEqual(result, { newEntries: 0, updatedEntries: 1 }, `change ${i}`);
        [entry] = await store.listEntries({ feedIds: [feed.id], limit: 10 });
        assert.deepEqual({ ...entry }, { ...current, feedId: feed.id, firstSeen: t(0), displayDate: t(-10) }, `change ${i}`);
      }
    }));

  test('entries missing from a fetch are kept, and the first copy of a repeated id wins', () =>
    withStore(factory, async (store) => {
      const [feed] = await addFeeds(store, 1);
      assert.ok(feed);
      await store.saveFetch(feed.id, updated(t(0), [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }]));
      const result = await store.saveFetch(
        feed.id,
        updated(t(1), [{ id: 'c', title: 'first copy' }, { id: 'c', title: 'second copy' }]),
      );
      assert.deepEqual(result, { newEntries: 1, updatedEntries: 0 });
      const entries = await store.listEntries({ feedIds: [feed.id], limit: 10 });
      assert.deepEqual(entries.map((entry) => [entry.id, entry.title]).sort(), [['a', 'A'], ['b', 'B'], ['c', 'first copy']]);
    }));

  test('entries are keyed per feed: the same id in two feeds is two entries', () =>
    withStore(factory, async (store) => {
      const [one, two] = await addFeeds(store, 2);
      assert.ok(one && two);
      await store.saveFetch(one.id, updated(t(0), [{ id: 'same', title: 'One' }]));
      const result = await store.saveFetch(two.id, updated(t(1), [{ id: 'same', title: 'Two' }]));
      assert.deepEqual(result, { newEntries: 1, updatedEntries: 0 });
      const entries = await store.listEntries({ feedIds: [one.id, two.id], limit: 10 });
      assert.deepEqual(entries.map((entry) => [entry.feedId, entry.title]), [[two.id, 'Two'], [one.id, 'One']]);
    }));

  test('listEntries orders by displayDate, then newer firstSeen, then higher row id', () =>
    withStore(factory, async (store) => {
      const [one, two] = await addFeeds(store, 2);
      assert.ok(one && two);
      await store.saveFetch(two.id, updated(t(1), [{ id: 'tie-new', published: t(-50) }, { id: 'p70', published: t(-70) }]));
      // Stored later but seen earlier (fetches finish in any order): firstSeen decides before row id.
      await store.saveFetch(one.id, updated(t(0), [{ id: 'p100', published: t(-100) }, { id: 'tie-old', published: t(-50) }]));
      // Undated entries of one fetch tie on both dates; they keep the order the feed listed them in.
      await store.saveFetch(one.id, updated(t(2), [{ id: 'u1' }, { id: 'u2' }, { id: 'u3' }]));
      // A later fetch at the same instant ties again, and its entry was stored last.
      await store.saveFetch(two.id, updated(t(2), [{ id: 'u4' }]));
      const entries = await store.listEntries({ feedIds: [one.id, two.id], limit: 100 });
      assert.deepEqual(entries.map((entry) => entry.id), ['u4', 'u1', 'u2', 'u3', 'tie-new', 'tie-old', 'p70', 'p100']);
    }));

  test('listEntries returns at most limit entries, the newest ones, of the given feeds only', () =>
    withStore(factory, async (store) => {
      const [one, two, three] = await addFeeds(store, 3);
      assert.ok(one && two && three);
      const dated = (prefix: string, count: number): Entry[] =>
        Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}`, published: t(-i * 10 - prefix.length) }));
      await store.saveFetch(one.id, updated(t(0), dated('a', 5)));
      await store.saveFetch(two.id, updated(t(0), dated('bb', 5)));
      await store.saveFetch(three.id, updated(t(0), dated('ccc', 5)));

      const top = await store.listEntries({ feedIds: [one.id, three.id], limit: 3 });
      assert.deepEqual(top.map((entry) => entry.id), ['a0', 'ccc0', 'a1']);
      const all = await store.listEntries({ feedIds: [one.id, three.id], limit: 100 });
      assert.equal(all.length, 10);
      assert.ok(all.every((entry) => entry.feedId !== two.id));
      assert.deepEqual((await store.listEntries({ feedIds: [two.id], limit: 100 })).map((e) => e.id), dated('bb', 5).map((e) => e.id));
      assert.deepEqual(await store.listEntries({ feedIds: [], limit: 100 }), []);
      assert.deepEqual(await store.listEntries({ feedIds: [one.id], limit: 0 }), []);
      assert.deepEqual(await store.listEntries({ feedIds: [one.id + two.id + three.id + 100], limit: 10 }), []);
    }));
}
