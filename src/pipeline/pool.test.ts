import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mapLimited, mapReleasing } from './pool.ts';

/** A promise with its resolve function, to release tasks in a chosen order. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('mapLimited', () => {
  it('never runs more than the limit at once and keeps the input order', async () => {
    const gates = Array.from({ length: 7 }, gate);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const work = mapLimited([0, 1, 2, 3, 4, 5, 6], 3, async (i) => {
      started.push(i);
      running++;
      peak = Math.max(peak, running);
      await gates[i]?.promise;
      running--;
      return i * 10;
    });
    // Release in reverse order of start so that results finish out of order.
    for (const i of [2, 1, 0, 5, 4, 3, 6]) {
      while (!started.includes(i)) await new Promise<void>((resolve) => setImmediate(resolve));
      gates[i]?.open();
    }
    assert.deepEqual(await work, [0, 10, 20, 30, 40, 50, 60]);
    assert.equal(peak, 3);
  });

  it('starts no new task after one throws, and rethrows its error', async () => {
    const ran: number[] = [];
    await assert.rejects(
      mapLimited([1, 2, 3, 4, 5], 1, async (i) => {
        ran.push(i);
        if (i === 2) throw new Error('store is gone');
        return i;
      }),
      /store is gone/,
    );
    assert.deepEqual(ran, [1, 2]);
  });

  it('handles an empty list', async () => {
    assert.deepEqual(await mapLimited([], 4, async () => 1), []);
  });
});

describe('mapReleasing', () => {
  it('starts the next task once one releases its slot, bounds the released ones, keeps the input order', async () => {
    const finish = Array.from({ length: 8 }, gate);
    const started: number[] = [];
    let releasedRunning = 0;
    let peakReleased = 0;
    const work = mapReleasing([0, 1, 2, 3, 4, 5, 6, 7], 2, async (i, release) => {
      started.push(i);
      release();
      releasedRunning++;
      peakReleased = Math.max(peakReleased, releasedRunning);
      await finish[i]?.promise;
      releasedRunning--;
      return i * 10;
    });
    // Every task released at once, none finished: more than `limit` have started...
    while (started.length < 4) await new Promise<void>((resolve) => setImmediate(resolve));
    await new Promise<void>((resolve) => setImmediate(resolve));
    assert.ok(started.length > 2, `started ${started.length}`);
    // ...but not unboundedly many: the rest wait for released tasks to finish.
    assert.equal(started.length, 4, 'at most 2 x limit at once');
    for (const i of [7, 6, 5, 4, 3, 2, 1, 0]) finish[i]?.open();
    for (const g of finish) g.open();
    assert.deepEqual(await work, [0, 10, 20, 30, 40, 50, 60, 70]);
    assert.equal(peakReleased, 4);
  });

  it('holds the slot until release or the end: without release it is mapLimited', async () => {
    let running = 0;
    let peak = 0;
    await mapReleasing([1, 2, 3, 4, 5], 2, async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise<void>((resolve) => setImmediate(resolve));
      running--;
    });
    assert.equal(peak, 2);
  });

  it('starts no new task after one throws, and rethrows its error', async () => {
    const ran: number[] = [];
    await assert.rejects(
      mapReleasing([1, 2, 3, 4, 5], 1, async (i) => {
        ran.push(i);
        if (i === 2) throw new Error('store is gone');
        return i;
      }),
      /store is gone/,
    );
    assert.deepEqual(ran, [1, 2]);
  });
});
