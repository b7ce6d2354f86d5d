import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fetchError, startServer, testSettings, withClient } from './test-server.ts';
import type { TestServer } from './test-server.ts';

/** A port nothing listens on: bound once by us, then released. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

describe('fetchFeed: timeouts and network errors', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({
      '/hang': () => undefined,
      '/drip': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        // Each byte comes well inside the body timeout, so only the whole-fetch deadline can end it.
        const drip = setInterval(() => res.write(' '), 20);
        res.on('close', () => clearInterval(drip));
      },
      '/cut-chunked': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.write('<rss><channel>', () => res.socket?.destroy());
      },
      '/cut-length': (_req, res) => {
        res.writeHead(200, { 'content-length': '1000' });
        res.write('<rss><channel>', () => res.socket?.destroy());
      },
    });
  });
  after(() => server.close());

  it('times out promptly when the headers never come', { timeout: 3_000 }, async () => {
    const settings = testSettings({ timeoutMs: 300 });
    const error = await withClient(settings, (client) => fetchError(client.fetchFeed({ url: server.url('/hang'), validators: {} })));
    assert.equal(error.code, 'timeout');
    assert.ok(error.message.startsWith(`fetch: ${server.url('/hang')} timed out after 0.3 s`), error.message);
  });

  it('times out a body that keeps dripping past the deadline', { timeout: 3_000 }, async () => {
    const settings = testSettings({ timeoutMs: 400 });
    const error = await withClient(settings, (client) => fetchError(client.fetchFeed({ url: server.url('/drip'), validators: {} })));
    assert.equal(error.code, 'timeout');
    assert.match(error.message, /timed out after 0\.4 s \(feed kept; raise fetch\.timeout/);
  });

  for (const path of ['/cut-chunked', '/cut-length']) {
    it(`reports connection-reset when the connection dies mid-body (${path.slice(1)})`, async () => {
      const error = await withClient(testSettings(), (client) => fetchError(client.fetchFeed({ url: server.url(path), validators: {} })));
      assert.equal(error.code, 'connection-reset');
      assert.match(error.message, /closed the connection before the response was complete/);
    });
  }

  it('reports connection-refused for a port nothing listens on', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/feed`;
    const error = await withClient(testSettings(), (client) => fetchError(client.fetchFeed({ url, validators: {} })));
    assert.equal(error.code, 'connection-refused');
    assert.ok(error.message.startsWith(`fetch: ${url} refused the connection`), error.message);
  });

  it('reports dns for a host that does not resolve', async () => {
    // .invalid never resolves: https://www.rfc-editor.org/rfc/rfc6761#section-6.4
    const url = 'http://planet-test.invalid/feed';
    const error = await withClient(testSettings(), (client) => fetchError(client.fetchFeed({ url, validators: {} })));
    assert.equal(error.code, 'dns');
    assert.match(error.message, /planet-test\.invalid could not be resolved/);
  });
});
