import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mapLimited } from './pool.ts';

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
