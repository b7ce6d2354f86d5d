import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Entry } from '../model/index.ts';
import { addFeeds, failed, t, updated, withStore } from './conformance-kit.ts';
import type { StoreFactory } from './conformance-kit.ts';
import { HISTORY_PER_FEED } from './history.ts';
import type { EntryPolicy, StoreReader } from './store.ts';
import { defaultEntryPolicy } from './store.ts';

const policy = (extra: Partial<EntryPolicy>): EntryPolicy => ({ ...defaultEntryPolicy, ...extra });

async function river(store: StoreReader, feedIds: number[]): Promise<string[]> {
  return (await store.listEntries({ feedIds, limit: 1000 })).map((entry) => entry.id);
}

const dated = (prefix: string, count: number, newest = -10): Entry[] =>
  Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}`, link: `https://${prefix}.example/${i}`, published: t(newest - i * 60) }));

/** The suite's rules for the re-dating defence, dedupe, history, retention and snapshots. */
export function testLifecycleRules(factory: StoreFactory): void {
  test('future dates: ignore_date places at first seen, keep at the date, ignore_entry skips until the date has come', () =>
    withStore(factory, async (store) => {
      const [a, b, c] = await addFeeds(store, 3);
      assert.ok(a && b && c);
      const future: Entry[] = [{ id: 'f', published: t(600) }, { id: 'p', published: t(-5) }];
      await store.saveFetch(a.id, updated(t(0), future), policy({ futureDates: 'ignore_date' }));
      await store.saveFetch(b.id, updated(t(0), future), policy({ futureDates: 'keep' }));
      const skipped = await store.saveFetch(c.id, updated(t(0), future), policy({ futureDates: 'ignore_entry' }));
      assert.equal(skipped.newEntries, 1);
      const dates = async (id: number) => (await store.listEntries({ feedIds: [id], limit: 9 })).map((e) => [e.id, e.displayDate]);
      assert.deepEqual(await dates(a.id), [['f', t(0)], ['p', t(-5)]]);
      assert.deepEqual(await dates(b.id), [['f', t(600)], ['p', t(-5)]]);
      assert.deepEqual(await dates(c.id), [['p', t(-5)]]);
      await store.saveFetch(c.id, updated(t(601), future), policy({ futureDates: 'ignore_entry' }));
      assert.deepEqual(await dates(c.id), [['f', t(600)], ['p', t(-5)]]);
    }));

  test('a feed joining a planet that has entries shows newFeedItems of its back catalogue; later entries all show', () =>
    withStore(factory, async (store) => {
      const [old, fresh] = await addFeeds(store, 2);
      assert.ok(old && fresh);
      // First run: no limit, whatever the policy says.
      await store.saveFetch(old.id, updated(t(0), dated('o', 3)), policy({}));
      assert.equal(await store.hasEntries(), true);
      const result = await store.saveFetch(fresh.id, updated(t(10), dated('n', 6)), policy({ newFeedItems: 2 }));
      assert.deepEqual(result, { newEntries: 6, updatedEntries: 0 });
      assert.deepEqual(await river(store, [fresh.id]), ['n0', 'n1']);
      // The hidden ones stay hidden when fetched again; a new post shows.
      await store.saveFetch(fresh.id, updated(t(20), [{ id: 'n-new', published: t(19) }, ...dated('n', 6)]), policy({ newFeedItems: 2 }));
      assert.deepEqual(await river(store, [fresh.id]), ['n-new', 'n0', 'n1']);
      assert.equal((await river(store, [old.id])).length, 3);
    }));

  test('bump on real update moves an edited entry to when the edit was seen; a re-dated one stays', () =>
    withStore(factory, async (store) => {
      const [feed] = await addFeeds(store, 1);
      assert.ok(feed);
      const bump = policy({ bumpOnUpdate: true });
      const entries = dated('e', 3);
      await store.saveFetch(feed.id, updated(t(0), entries), bump);
      const redated = entries.map((e) => ({ ...e, published: t(5), updated: t(5) }));
      await store.saveFetch(feed.id, updated(t(5), redated), bump);
      assert.deepEqual(await river(store, [feed.id]), ['e0', 'e1', 'e2']);
      const edited = redated.map((e) => (e.id === 'e2' ? { ...e, content: 'really new text' } : e));
      const result = await store.saveFetch(feed.id, updated(t(9), edited), bump);
      assert.deepEqual(result, { newEntries: 0, updatedEntries: 1 });
      const [top] = await store.listEntries({ feedIds: [feed.id], limit: 1 });
      assert.deepEqual([top?.id, top?.displayDate], ['e2', t(9)]);
    }));

  test('the same post in two feeds (same global id, or same link) is listed once, under the feed that had it first', () =>
    withStore(factory, async (store) => {
      const [one, two] = await addFeeds(store, 2);
      assert.ok(one && two);
      await store.saveFetch(one.id, updated(t(0), [
        { id: 'tag:x.example,2024:1', title: 'by id', link: 'https://x.example/1', published: t(-3) },
        { id: 'a', title: 'by link', link: 'https://x.example/2', published: t(-2) },
        { id: '7', title: 'bare id', published: t(-1) },
      ]));
      await store.saveFetch(two.id, updated(t(1), [
        { id: 'tag:x.example,2024:1', title: 'copy by id', published: t(-3) },
        { id: 'b', title: 'copy by link', link: 'https://x.example/2', published: t(-2) },
        { id: '7', title: 'other bare id', published: t(-1) },
      ]));
      const listed = await store.listEntries({ feedIds: [one.id, two.id], limit: 10 });
      assert.deepEqual(listed.map((e) => [e.feedId, e.title]), [[two.id, 'other bare id'], [one.id, 'bare id'], [one.id, 'by link'], [one.id, 'by id']]);
    }));

  test('the same post saved by two feeds at the same moment is still listed once', () =>
    withStore(factory, async (store) => {
      const feeds = await addFeeds(store, 6);
      const post = { id: 'tag:x.example,2024:same', title: 'Same', link: 'https://x.example/same', published: t(-1) };
      await Promise.all(feeds.map((feed, i) => store.saveFetch(feed.id, updated(t(i), [post, { id: `own${i}`, published: t(-2) }]))));
      const listed = await store.listEntries({ feedIds: feeds.map((f) => f.id), limit: 100 });
      assert.equal(listed.filter((e) => e.title === 'Same').length, 1);
      assert.equal(listed.length, 7);
    }));

  test('links match in canonical form: scheme, www., fragment, utm_* parameters and a trailing slash do not count', () =>
    withStore(factory, async (store) => {
      const [one, two] = await addFeeds(store, 2);
      assert.ok(one && two);
      const links = ['http://www.x.example/a/', 'http://x.example/b?id=1&utm_source=feed', 'https://x.example/c#top', 'https://x.example/d'];
      const copies = ['https://x.example/a', 'https://x.example/b?utm_medium=rss&id=1', 'http://www.x.example/c/', 'https://x.example/d?id=2'];
      await store.saveFetch(one.id, updated(t(0), links.map((link, i) => ({ id: `o${i}`, link, published: t(-i) }))));
      await store.saveFetch(two.id, updated(t(1), copies.map((link, i) => ({ id: `c${i}`, link, published: t(-i) }))));
      assert.deepEqual(await river(store, [one.id, two.id]), ['o0', 'o1', 'o2', 'c3', 'o3']);
    }));

  test('with a feed order, the preferred feed takes a shared post over in place', () =>
    withStore(factory, async (store) => {
      const [one, two] = await addFeeds(store, 2);
      assert.ok(one && two);
      const order = policy({ feedOrder: [two.id, one.id] });
      await store.saveFetch(one.id, updated(t(0), [{ id: 'p', link: 'https://x.example/p' }]), order);
      await store.saveFetch(two.id, updated(t(5), [{ id: 'q', title: 'preferred', link: 'https://x.example/p' }]), order);
      const listed = await store.listEntries({ feedIds: [one.id, two.id], limit: 10 });
      assert.deepEqual(listed.map((e) => [e.feedId, e.title, e.displayDate]), [[two.id, 'preferred', t(0)]]);
    }));

  test('history keeps one row per attempt, newest first, bounded per feed', () =>
    withStore(factory, async (store) => {
      const [feed] = await addFeeds(store, 1);
      assert.ok(feed);
      await store.saveFetch(feed.id, { ...updated(t(0), dated('h', 2)), bytes: 1234, ms: 56 });
      await store.saveFetch(feed.id, { kind: 'not-modified', at: t(1), httpStatus: 304, validators: {} });
      await store.saveFetch(feed.id, failed(t(2), 503));
      const [last, second, first] = await store.listHistory(feed.id);
      assert.deepEqual(first, { at: t(0), status: 'updated', httpStatus: 200, bytes: 1234, ms: 56, newEntries: 2, updatedEntries: 0 });
      assert.deepEqual(second, { at: t(1), status: 'not-modified', httpStatus: 304, newEntries: 0, updatedEntries: 0 });
      assert.deepEqual(last, { at: t(2), status: 'failed', httpStatus: 503, errorCode: 'timeout', newEntries: 0, updatedEntries: 0 });
      for (let i = 0; i < HISTORY_PER_FEED; i++) await store.saveFetch(feed.id, failed(t(3 + i)));
      const all = await store.listHistory(feed.id, 1000);
      assert.equal(all.length, HISTORY_PER_FEED);
      assert.deepEqual(all[0]?.at, t(2 + HISTORY_PER_FEED));
    }));

  test('a whole planet\'s history and newest shown entries read at once agree with the per-feed reads', () =>
    withStore(factory, async (store) => {
      const [one, two, silent] = await addFeeds(store, 3);
      assert.ok(one && two && silent);
      await store.saveFetch(one.id, updated(t(0), [{ id: 'a', published: t(-30) }, { id: 'b', published: t(-10) }]));
      await store.saveFetch(one.id, failed(t(1), 500));
      // A post two already had is a duplicate here: it does not count as two's newest entry.
      await store.saveFetch(two.id, updated(t(2), [{ id: 'c', published: t(-20), link: 'https://x.example/c' }]));
      await store.saveFetch(one.id, updated(t(3), [{ id: 'd', published: t(-5), link: 'https://x.example/c' }]));
      const ids = [one.id, two.id, silent.id];
      const histories = await store.listHistories(ids);
      assert.deepEqual([...histories.keys()], ids);
      for (const id of ids) assert.deepEqual(histories.get(id), await store.listHistory(id), `feed ${id}`);
      assert.deepEqual(histories.get(silent.id), []);
      const newest = await store.newestEntryDates(ids);
      assert.deepEqual(newest, new Map([[one.id, t(-10)], [two.id, t(-20)]]));
      for (const id of [one.id, two.id]) {
        const [top] = await store.listEntries({ feedIds: [id], limit: 1 });
        assert.deepEqual(newest.get(id), top?.displayDate);
      }
    }));

  test('retention drops only old entries beyond keepPerFeed that the feed no longer lists; a dry run deletes nothing', () =>
    withStore(factory, async (store) => {
      const [feed, quiet] = await addFeeds(store, 2);
      assert.ok(feed && quiet);
      const day = 24 * 60;
      const old = dated('r', 6, -400 * day);
      await store.saveFetch(feed.id, updated(t(-400 * day), old));
      await store.saveFetch(quiet.id, updated(t(-400 * day), dated('q', 6, -400 * day)));
      // The feed now lists only r0 and r1 plus a new post; the quiet feed fails, 304s and empties.
      await store.saveFetch(feed.id, updated(t(0), [{ id: 'new', published: t(0) }, ...old.slice(0, 2)]));
      await store.saveFetch(quiet.id, failed(t(0)));
      await store.saveFetch(quiet.id, { kind: 'not-modified', at: t(1), httpStatus: 304, validators: {} });
      await store.saveFetch(quiet.id, updated(t(2), []));
      const rule = { keepPerFeed: 2, keepDays: 30, now: t(3) };
      const planned = await store.expunge({ ...rule, dryRun: true });
      assert.deepEqual(planned.map((e) => e.id), ['r2', 'r3', 'r4', 'r5']);
      assert.equal((await river(store, [feed.id])).length, 7);
      const gone = await store.expunge({ ...rule, dryRun: false });
      assert.deepEqual(gone, planned);
      assert.deepEqual(await river(store, [feed.id]), ['new', 'r0', 'r1']);
      assert.equal((await river(store, [quiet.id])).length, 6);
      assert.deepEqual(await store.expunge({ ...rule, keepDays: 0, dryRun: false }), []);
    }));

  test('listEntries pages with offset and bounds by date; a snapshot reads feeds and entries together', () =>
    withStore(factory, async (store) => {
      const [feed] = await addFeeds(store, 1);
      assert.ok(feed);
      await store.saveFetch(feed.id, updated(t(0), dated('d', 10)));
      const page = await store.listEntries({ feedIds: [feed.id], limit: 3, offset: 4 });
      assert.deepEqual(page.map((e) => e.id), ['d4', 'd5', 'd6']);
      const range = await store.listEntries({ feedIds: [feed.id], limit: 100, since: t(-190), until: t(-70) });
      assert.deepEqual(range.map((e) => e.id), ['d2', 'd3']);
      const seen = await store.snapshot(async (reader) => {
        const feeds = await reader.listFeeds();
        const entries = await reader.listEntries({ feedIds: feeds.map((f) => f.id), limit: 100 });
        return [feeds.length, entries.length];
      });
      assert.deepEqual(seen, [1, 10]);
    }));

  test('a snapshot does not see a write another connection commits during it, and does not block it', () =>
    withStore(factory, async (store, fixture) => {
      const [feed] = await addFeeds(store, 1);
      assert.ok(feed);
      await store.saveFetch(feed.id, updated(t(0), dated('s', 2)));
      const other = await fixture.open();
      try {
        const [first, second] = await store.snapshot(async (reader) => {
          const before = await river(reader, [feed.id]);
          await other.saveFetch(feed.id, updated(t(1), [{ id: 'during', published: t(1) }]));
          return [before, await river(reader, [feed.id])];
        });
        assert.deepEqual(second, first);
        assert.deepEqual(await river(store, [feed.id]), ['during', ...first]);
      } finally {
        await other.close();
      }
    }));
}
