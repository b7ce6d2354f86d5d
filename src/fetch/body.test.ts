import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { brotliCompressSync, createGzip, deflateSync, gzipSync } from 'node:zlib';
import { fetchError, startServer, testSettings, withClient } from './test-server.ts';
import type { TestServer } from './test-server.ts';

const feed = await readFile(new URL('./testdata/feed.xml', import.meta.url));
const SMALL_CAP = 64 * 1024;

/** Writes `chunk` to `sink` until the client goes away, honouring backpressure; returns bytes written so far. */
function writeForever(res: ServerResponse, sink: NodeJS.WritableStream, chunk: Buffer): { written: () => number } {
  let written = 0;
  const pump = (): void => {
    while (!res.destroyed) {
      written += chunk.length;
      if (!sink.write(chunk)) {
        sink.once('drain', pump);
        return;
      }
    }
  };
  pump();
  return { written: () => written };
}

describe('fetchFeed: bodies', () => {
  let server: TestServer;
  let bomb: { written: () => number; closed: Promise<unknown> } | undefined;
  before(async () => {
    server = await startServer({
      '/gzip': (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(feed)),
      '/br': (_req, res) => res.writeHead(200, { 'content-encoding': 'br' }).end(brotliCompressSync(feed)),
      '/deflate': (_req, res) => res.writeHead(200, { 'content-encoding': 'deflate' }).end(deflateSync(feed)),
      '/gzip-then-br': (_req, res) =>
        res.writeHead(200, { 'content-encoding': 'gzip, br' }).end(brotliCompressSync(gzipSync(feed))),
      // An endless gzip stream of zeros: about a thousand decoded bytes for every byte sent.
      '/bomb': (_req, res) => {
        res.writeHead(200, { 'content-encoding': 'gzip' });
        const gzip = createGzip({ level: 9 });
        gzip.pipe(res);
        const closed = once(res, 'close');
        void closed.then(() => gzip.destroy());
        bomb = { ...writeForever(res, gzip, Buffer.alloc(64 * 1024)), closed };
      },
      '/endless': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        writeForever(res, res, Buffer.alloc(16 * 1024, 'a'));
      },
      '/says-too-long': (_req, res) => {
        res.writeHead(200, { 'content-length': String(SMALL_CAP + 1) });
        res.write('<rss>');
      },
      '/lies-gzip': (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(feed),
      '/zstd': (_req, res) => res.writeHead(200, { 'content-encoding': 'zstd' }).end(feed),
    });
  });
  after(() => server.close());

  for (const path of ['/gzip', '/br', '/deflate', '/gzip-then-br']) {
    it(`decodes a ${path.slice(1)} body`, async () => {
      const result = await withClient(testSettings(), (client) => client.fetchFeed({ url: server.url(path), validators: {} }));
      assert.equal(result.kind, 'ok');
      assert.deepEqual(result.body, feed);
    });
  }

  it('stops a gzip bomb at maxBytes of decoded data', async () => {
    const settings = testSettings({ maxBytes: SMALL_CAP });
    const error = await withClient(settings, (client) => fetchError(client.fetchFeed({ url: server.url('/bomb'), validators: {} })));
    assert.equal(error.code, 'too-large');
    assert.match(error.message, /larger than 65536 bytes once decompressed/);
    assert.ok(bomb, 'the bomb route was not reached');
    await bomb.closed;
    // The server stops when we hang up; had we inflated on, it would have gone on to the deadline.
    assert.ok(bomb.written() < 256 * 1024 * 1024, `the server produced ${bomb.written()} bytes before we hung up`);
  });

  it('stops a plain body that passes maxBytes', async () => {
    const settings = testSettings({ maxBytes: SMALL_CAP });
    const error = await withClient(settings, (client) =>
      fetchError(client.fetchFeed({ url: server.url('/endless'), validators: {} })),
    );
    assert.equal(error.code, 'too-large');
  });

  // The route never finishes its body, so waiting for it would outlast the test's timeout.
  it('refuses a body whose Content-Length is over maxBytes without waiting for it', { timeout: 2_000 }, async () => {
    const settings = testSettings({ maxBytes: SMALL_CAP, timeoutMs: 60_000 });
    const error = await withClient(settings, (client) =>
      fetchError(client.fetchFeed({ url: server.url('/says-too-long'), validators: {} })),
    );
    assert.equal(error.code, 'too-large');
  });

  it('reports a body that is not the gzip its Content-Encoding claims', async () => {
    const error = await withClient(testSettings(), (client) =>
      fetchError(client.fetchFeed({ url: server.url('/lies-gzip'), validators: {} })),
    );
    assert.equal(error.code, 'bad-encoding');
    assert.match(error.message, /not valid gzip as its Content-Encoding claims/);
  });

  it('reports a Content-Encoding it cannot decode', async () => {
    const error = await withClient(testSettings(), (client) =>
      fetchError(client.fetchFeed({ url: server.url('/zstd'), validators: {} })),
    );
    assert.equal(error.code, 'bad-encoding');
    assert.match(error.message, /unsupported Content-Encoding "zstd"/);
  });
});
