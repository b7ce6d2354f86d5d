import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { Socket } from 'node:net';
import { connect } from 'node:net';
import { describe, it } from 'node:test';
import type { FaultRoute } from './testdata/fault-server.ts';
import { faults, rssFeed, startFaultHost } from './testdata/fault-server.ts';
import { fetchError, testSettings, withClient } from './test-server.ts';

describe('politeness towards one host', () => {
  it('counts the per-host limit by host: two ports of one address share it', async () => {
    let open = 0;
    let peak = 0;
    // Every answer takes 50 ms, like a real server's latency: time enough for any extra
    // concurrent request the client would send to arrive while the others are open.
    const route: FaultRoute = (_req, res) => {
      open += 1;
      peak = Math.max(peak, open);
      res.once('close', () => (open -= 1));
      setTimeout(() => res.end(rssFeed('shared')), 50);
    };
    const first = await startFaultHost('127.0.0.80', { '*': route });
    const second = await startFaultHost('127.0.0.80', { '*': route });
    try {
      const urls = [1, 2, 3, 4, 5, 6].map((i) => (i % 2 === 0 ? first : second).url(`/feed${i}`));
      const results = await withClient(testSettings({ perHostConnections: 2 }), (client) =>
        Promise.all(urls.map((url) => client.fetchFeed({ url, validators: {} }))),
      );
      assert.deepEqual(new Set(results.map((r) => r.kind)), new Set(['ok']));
      assert.equal(peak, 2);
      assert.equal(first.seen.length + second.seen.length, 6);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('fails the rest of a host\'s feeds at once when the host hangs (the breaker)', async () => {
    const host = await startFaultHost('127.0.0.81', { '*': faults.hang });
    try {
      const settings = testSettings({ perHostConnections: 2, timeoutMs: 500 });
      const started = performance.now();
      const errors = await withClient(settings, (client) =>
        Promise.all([1, 2, 3, 4, 5].map((i) => fetchError(client.fetchFeed({ url: host.url(`/feed${i}`), validators: {} })))),
      );
      const took = performance.now() - started;
      assert.deepEqual(errors.map((e) => e.code), ['timeout', 'timeout', 'timeout', 'timeout', 'timeout']);
      const skipped = errors.filter((e) => /was not fetched: its host 127\.0\.0\.81 timed out on/.test(e.message));
      assert.equal(skipped.length, 3);
      assert.equal(host.seen.length, 2, 'only the first two requests reached the hanging host');
      assert.ok(took < 2 * 500, `five hanging feeds took ${Math.round(took)} ms, not one deadline`);
    } finally {
      await host.close();
    }
  });
});

describe('a connection closed before the response', () => {
  it('is retried once on a fresh connection', async () => {
    let requests = 0;
    const host = await startFaultHost('127.0.0.82', {
      '*': (req, res) => {
        requests += 1;
        if (requests === 1) req.socket.destroy();
        else res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssFeed('retried'));
      },
    });
    try {
      const result = await withClient(testSettings(), (client) => client.fetchFeed({ url: host.url('/feed'), validators: {} }));
      assert.equal(result.kind, 'ok');
      assert.equal(requests, 2);
    } finally {
      await host.close();
    }
  });

  it('fails with connection-reset when it happens again', async () => {
    const host = await startFaultHost('127.0.0.83', { '*': (req) => void req.socket.destroy() });
    try {
      const error = await withClient(testSettings(), (client) => fetchError(client.fetchFeed({ url: host.url('/feed'), validators: {} })));
      assert.equal(error.code, 'connection-reset');
      assert.equal(host.seen.length, 2);
    } finally {
      await host.close();
    }
  });
});

describe("the fault server's politeness counters", () => {
  const open = async (port: number, ip: string): Promise<Socket> => {
    const socket = connect(port, ip);
    await once(socket, 'connect');
    socket.write(`GET /feed HTTP/1.1\r\nHost: ${ip}\r\n\r\n`);
    return socket;
  };

  it('see three connections and requests when three are open, and not a closed one beside a new one', async () => {
    const host = await startFaultHost('127.0.0.84', { '*': faults.hang });
    const port = Number(new URL(host.origin).port);
    const untilSeen = async (n: number): Promise<void> => {
      while (host.seen.length < n) await new Promise((resolve) => setImmediate(resolve));
    };
    try {
      const first = await open(port, host.ip);
      await open(port, host.ip);
      await untilSeen(2);
      assert.deepEqual([host.maxConnections, host.maxRequests], [2, 2]);
      // Closed by the client before the next one opens: the limit was kept, whatever order the
      // server's event loop learns of the two in.
      first.destroy();
      await once(first, 'close');
      await open(port, host.ip);
      await untilSeen(3);
      assert.deepEqual([host.maxConnections, host.maxRequests], [2, 2]);
      await open(port, host.ip);
      await untilSeen(4);
      assert.deepEqual([host.maxConnections, host.maxRequests], [3, 3]);
    } finally {
      await host.close();
    }
  });
});

describe("a caller's own deadline", () => {
  it('ends a hanging fetch at once as a timeout that says so, without tripping the host', async () => {
    const host = await startFaultHost('127.0.0.85', { '/hang': faults.hang, '*': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssFeed('after')) });
    try {
      const settings = testSettings({ perHostConnections: 2, timeoutMs: 30_000 });
      await withClient(settings, async (client) => {
        const stop = new AbortController();
        const pending = fetchError(client.fetchFeed({ url: host.url('/hang'), validators: {}, signal: stop.signal }));
        while (host.seen.length === 0) await new Promise((resolve) => setImmediate(resolve));
        const started = performance.now();
        stop.abort();
        const error = await pending;
        assert.equal(error.code, 'timeout');
        assert.match(error.message, /was stopped: the time the run gives it ran out/);
        assert.ok(performance.now() - started < 5_000, 'the abort ended the fetch, not the 30 s deadline');
        // The host was not marked as hanging: its next feed is still fetched.
        assert.equal((await client.fetchFeed({ url: host.url('/feed'), validators: {} })).kind, 'ok');
        // A signal already aborted stops the fetch before it is sent.
        const before = host.seen.length;
        assert.equal((await fetchError(client.fetchFeed({ url: host.url('/feed'), validators: {}, signal: AbortSignal.abort() }))).code, 'timeout');
        assert.equal(host.seen.length, before);
      });
    } finally {
      await host.close();
    }
  });
});
