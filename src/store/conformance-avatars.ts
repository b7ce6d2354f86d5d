import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addFeeds, t, withStore } from './conformance-kit.ts';
import type { StoreFactory } from './conformance-kit.ts';

/** The avatar cache (migration 0006): records round-trip whole and are replaced whole. */
export function testAvatarRules(factory: StoreFactory): void {
  test('an avatar record round-trips with its bytes, and saving again replaces it', () =>
    withStore(factory, async (store) => {
      const [one, two] = await addFeeds(store, 2);
      assert.ok(one && two);
      assert.deepEqual(await store.listAvatars(), []);
      // Every byte value, so a text column or an encoding step would show.
      const body = Uint8Array.from({ length: 512 }, (_, i) => i % 256);
      await store.saveAvatar({
        feedId: two.id,
        feedImage: 'https://blog2.example/icon.png',
        candidatesKey: 'feed https://blog2.example/icon.png',
        sourceUrl: 'https://blog2.example/icon.png',
        contentType: 'image/png',
        body,
        validators: { etag: '"a1"', lastModified: 'Wed, 01 May 2024 12:00:00 GMT' },
        checkedAt: t(0),
      });
      await store.saveAvatar({ feedId: one.id, validators: {}, checkedAt: t(1), error: 'https://blog1.example/favicon.ico: HTTP 404' });
      const listed = await store.listAvatars();
      assert.deepEqual(listed, [
        { feedId: one.id, validators: {}, checkedAt: t(1), error: 'https://blog1.example/favicon.ico: HTTP 404' },
        {
          feedId: two.id,
          feedImage: 'https://blog2.example/icon.png',
          candidatesKey: 'feed https://blog2.example/icon.png',
          sourceUrl: 'https://blog2.example/icon.png',
          contentType: 'image/png',
          body,
          validators: { etag: '"a1"', lastModified: 'Wed, 01 May 2024 12:00:00 GMT' },
          checkedAt: t(0),
        },
      ]);
      await store.saveAvatar({ feedId: two.id, validators: {}, checkedAt: t(2) });
      assert.deepEqual((await store.listAvatars())[1], { feedId: two.id, validators: {}, checkedAt: t(2) });
    }));
}
