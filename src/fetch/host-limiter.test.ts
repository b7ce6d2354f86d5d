import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HostLimiter, HostTrippedError, interleaveByHost } from './host-limiter.ts';

/** Lets pending promise callbacks run. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('HostLimiter', () => {
  it('gives each host its own slots and queues beyond the limit, first come first served', async () => {
    const limiter = new HostLimiter(2);
    const a1 = await limiter.acquire('127.0.0.2');
    await limiter.acquire('127.0.0.2');
    await limiter.acquire('127.0.0.3');
    const order: string[] = [];
    const third = limiter.acquire('127.0.0.2').then((release) => (order.push('third'), release));
    const fourth = limiter.acquire('127.0.0.2').then((release) => (order.push('fourth'), release));
    await settle();
    assert.deepEqual(order, []);
    assert.equal(limiter.activeCounts().get('127.0.0.2'), 2);
    a1();
    a1();
    await settle();
    assert.deepEqual(order, ['third'], 'a double release frees one slot only');
    (await third)();
    await fourth;
    assert.deepEqual(order, ['third', 'fourth']);
    assert.equal(limiter.activeCounts().get('127.0.0.2'), 2);
  });

  it('fails waiting and later acquires of a tripped host, and only of that host', async () => {
    const limiter = new HostLimiter(1);
    await limiter.acquire('slow.example');
    const waiting = limiter.acquire('slow.example');
    limiter.trip('slow.example', 'http://slow.example/a');
    await assert.rejects(waiting, (error: unknown) => error instanceof HostTrippedError && error.firstUrl === 'http://slow.example/a');
    await assert.rejects(limiter.acquire('slow.example'), HostTrippedError);
    (await limiter.acquire('fast.example'))();
  });

  it('stops waiting when the signal aborts', async () => {
    const limiter = new HostLimiter(1);
    await limiter.acquire('h');
    const controller = new AbortController();
    const waiting = limiter.acquire('h', controller.signal);
    controller.abort(new Error('deadline'));
    await assert.rejects(waiting, /deadline/);
  });
});

describe('interleaveByHost', () => {
  it('takes one feed of each host in turn, keeping each host\'s own order', () => {
    const urls = ['http://a/1', 'http://a/2', 'http://a/3', 'http://b/1', 'http://c/1', 'http://c/2', 'not a url'];
    assert.deepEqual(interleaveByHost(urls, (u) => u), ['http://a/1', 'http://b/1', 'http://c/1', 'not a url', 'http://a/2', 'http://c/2', 'http://a/3']);
  });
});
