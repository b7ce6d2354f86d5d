import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { fetchError, startServer, testSettings, withClient } from './test-server.ts';
import type { TestServer } from './test-server.ts';

const feed = await readFile(new URL('./testdata/feed.xml', import.meta.url));
const ETAG = '"v1"';
const LAST_MODIFIED = 'Mon, 01 Jan 2024 00:00:00 GMT';

describe('fetchFeed: statuses, validators and redirects', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({
      '/feed': (req, res) => {
        if (req.headers['if-none-match'] === ETAG) res.writeHead(304, { etag: ETAG }).end();
        else res.writeHead(200, { 'content-type': 'application/atom+xml', etag: ETAG, 'last-modified': LAST_MODIFIED }).end(feed);
      },
      '/new-etag': (_req, res) => res.writeHead(304, { etag: '"v2"' }).end(),
      '/missing': (_req, res) => res.writeHead(404).end('not here'),
      '/broken': (_req, res) => res.writeHead(500).end('oops'),
      '/empty': (_req, res) => res.writeHead(204).end(),
      '/r1': (_req, res) => res.writeHead(301, { location: 'r2' }).end(),
      '/r2': (_req, res) => res.writeHead(302, { location: '/r3?x=1' }).end('moved'),
      '/r3': (req, res) => res.writeHead(307, { location: `http://${req.headers.host}/feed` }).end(),
      '/loop-a': (_req, res) => res.writeHead(302, { location: '/loop-b' }).end(),
      '/loop-b': (_req, res) => res.writeHead(302, { location: '/loop-a' }).end(),
      '/hops': (req, res) => {
        const left = Number(new URL(req.url ?? '', 'http://x').searchParams.get('left'));
        res.writeHead(302, { location: left === 0 ? '/feed' : `/hops?left=${left - 1}` }).end();
      },
      '/to-ftp': (_req, res) => res.writeHead(301, { location: 'ftp://127.0.0.1/feed' }).end(),
    });
  });
  after(() => server.close());

  it('returns the body, content type and validators of a 200, sending the feed headers', async () => {
    const result = await withClient(testSettings(), (client) => client.fetchFeed({ url: server.url('/feed'), validators: {} }));
    assert.deepEqual(result, {
      kind: 'ok',
      url: server.url('/feed'),
      httpStatus: 200,
      body: feed,
      contentType: 'application/atom+xml',
      validators: { etag: ETAG, lastModified: LAST_MODIFIED },
      redirects: [],
    });
    const headers = server.seen.at(-1)?.headers;
    assert.equal(headers?.['user-agent'], testSettings().userAgent);
    assert.match(headers?.accept ?? '', /^application\/atom\+xml, application\/rss\+xml, .*\*\/\*;q=0\.8$/);
    assert.equal(headers?.['accept-encoding'], 'gzip, deflate, br');
    assert.equal(headers?.['if-none-match'], undefined);
  });

  it('sends the validators back and reports a 304 as not-modified, keeping them', async () => {
    const result = await withClient(testSettings(), async (client) => {
      const first = await client.fetchFeed({ url: server.url('/feed'), validators: {} });
      return client.fetchFeed({ url: server.url('/feed'), validators: first.validators });
    });
    const headers = server.seen.at(-1)?.headers;
    assert.equal(headers?.['if-none-match'], ETAG);
    assert.equal(headers?.['if-modified-since'], LAST_MODIFIED);
    assert.deepEqual(result, {
      kind: 'not-modified',
      url: server.url('/feed'),
      httpStatus: 304,
      validators: { etag: ETAG, lastModified: LAST_MODIFIED },
      redirects: [],
    });
  });

  it('sends the validators along a redirect chain, so a moved feed still gets its 304', async () => {
    const result = await withClient(testSettings(), (client) =>
      client.fetchFeed({ url: server.url('/r1'), validators: { etag: ETAG } }),
    );
    assert.equal(result.kind, 'not-modified');
    assert.equal(result.url, server.url('/feed'));
    assert.equal(result.redirects.length, 3);
    assert.deepEqual(result.validators, { etag: ETAG });
  });

  it('takes a new ETag from a 304 and keeps the old Last-Modified', async () => {
    const result = await withClient(testSettings(), (client) =>
      client.fetchFeed({ url: server.url('/new-etag'), validators: { etag: ETAG, lastModified: LAST_MODIFIED } }),
    );
    assert.equal(result.kind, 'not-modified');
    assert.deepEqual(result.validators, { etag: '"v2"', lastModified: LAST_MODIFIED });
  });

  for (const [path, status, text] of [
    ['/missing', 404, 'Not Found'],
    ['/broken', 500, 'Internal Server Error'],
    ['/empty', 204, 'No Content'],
  ] as const) {
    it(`fails with http-status on HTTP ${status}`, async () => {
      const error = await withClient(testSettings(), (client) =>
        fetchError(client.fetchFeed({ url: server.url(path), validators: {} })),
      );
      assert.equal(error.code, 'http-status');
      assert.equal(error.httpStatus, status);
      assert.ok(error.message.startsWith(`fetch: ${server.url(path)} answered HTTP ${status} ${text} (feed kept;`), error.message);
    });
  }

  it('follows a redirect chain, resolving relative Locations and recording every hop', async () => {
    const result = await withClient(testSettings(), (client) => client.fetchFeed({ url: server.url('/r1'), validators: {} }));
    assert.equal(result.kind, 'ok');
    assert.equal(result.url, server.url('/feed'));
    assert.deepEqual(result.redirects, [
      { from: server.url('/r1'), to: server.url('/r2'), status: 301 },
      { from: server.url('/r2'), to: server.url('/r3?x=1'), status: 302 },
      { from: server.url('/r3?x=1'), to: server.url('/feed'), status: 307 },
    ]);
  });

  it('follows five redirects but not a sixth', async () => {
    const five = await withClient(testSettings(), (client) =>
      client.fetchFeed({ url: server.url('/hops?left=4'), validators: {} }),
    );
    assert.equal(five.kind, 'ok');
    assert.equal(five.redirects.length, 5);

    const error = await withClient(testSettings(), (client) =>
      fetchError(client.fetchFeed({ url: server.url('/hops?left=5'), validators: {} })),
    );
    assert.equal(error.code, 'too-many-redirects');
    assert.match(error.message, /redirected more than 5 times/);
  });

  it('stops a redirect loop with too-many-redirects', async () => {
    const before = server.seen.length;
    const error = await withClient(testSettings(), (client) =>
      fetchError(client.fetchFeed({ url: server.url('/loop-a'), validators: {} })),
    );
    assert.equal(error.code, 'too-many-redirects');
    assert.match(error.message, /in a loop/);
    assert.deepEqual(
      server.seen.slice(before).map((request) => request.path),
      ['/loop-a', '/loop-b'],
    );
  });

  for (const url of ['ftp://127.0.0.1/feed', 'feeds.example/rss', 'file:///etc/passwd']) {
    it(`refuses ${url} with bad-url`, async () => {
      const error = await withClient(testSettings(), (client) => fetchError(client.fetchFeed({ url, validators: {} })));
      assert.equal(error.code, 'bad-url');
      assert.ok(error.message.includes(url) && error.message.includes('planet.toml'), error.message);
    });
  }

  it('refuses a redirect to a scheme other than http or https', async () => {
    const error = await withClient(testSettings(), (client) =>
      fetchError(client.fetchFeed({ url: server.url('/to-ftp'), validators: {} })),
    );
    assert.equal(error.code, 'bad-url');
    assert.match(error.message, /ftp:\/\/127\.0\.0\.1\/feed/);
  });
});
