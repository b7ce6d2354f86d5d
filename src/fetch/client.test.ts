import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { describe, it } from 'node:test';
import { createHttpClient } from './index.ts';
import { startServer, testSettings, withClient } from './test-server.ts';

describe('createHttpClient', () => {
  it('keeps to perHostConnections connections per origin', async () => {
    const limit = 2;
    let open = 0;
    let maxOpen = 0;
    const held: ServerResponse[] = [];
    const server = await startServer({
      '/feed': (_req, res) => {
        open += 1;
        maxOpen = Math.max(maxOpen, open);
        res.on('finish', () => (open -= 1));
        held.push(res);
        // Answer only once the client has the limit's worth of requests open at the same time.
        if (held.length === limit) for (const waiting of held.splice(0)) waiting.end('<rss/>');
      },
    });
    try {
      const settings = testSettings({ perHostConnections: limit });
      const results = await withClient(settings, (client) =>
        Promise.all(Array.from({ length: 6 }, () => client.fetchFeed({ url: server.url('/feed'), validators: {} }))),
      );
      assert.deepEqual(
        results.map((result) => result.kind),
        ['ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
      );
      assert.equal(server.seen.length, 6);
      assert.equal(maxOpen, limit);
      assert.equal(server.sockets.length, limit);
    } finally {
      await server.close();
    }
  });

  it('close() closes its connections', { timeout: 2_000 }, async () => {
    const server = await startServer({ '/feed': (_req, res) => res.end('<rss/>') });
    try {
      const client = createHttpClient(testSettings());
      await client.fetchFeed({ url: server.url('/feed'), validators: {} });
      const [socket] = server.sockets;
      assert.ok(socket !== undefined && !socket.destroyed, 'the keep-alive connection should be open');
      const closed = once(socket, 'close');
      await client.close();
      await closed;
    } finally {
      await server.close();
    }
  });
});
