import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { FaultHost } from './testdata/fault-server.ts';
import { feedRoute, redirectRoute, rssFeed, startFaultHost } from './testdata/fault-server.ts';
import { fetchError, testSettings, withClient } from './test-server.ts';

describe('identity: User-Agent, per-feed headers, basic auth, proxies', () => {
  let feedHost: FaultHost;
  let otherHost: FaultHost;

  before(async () => {
    otherHost = await startFaultHost('127.0.0.60', { '*': feedRoute(() => rssFeed('other')) });
    feedHost = await startFaultHost('127.0.0.61', {
      '/private': (req, res, host) => {
        const expected = `Basic ${Buffer.from('reader:s3cret:x').toString('base64')}`;
        if (req.headers.authorization !== expected) return void res.writeHead(401).end();
        feedRoute(() => rssFeed('private'))(req, res, host);
      },
      '/away': redirectRoute(302, otherHost.url('/feed')),
      '/feed': feedRoute(() => rssFeed('own')),
    });
  });
  after(async () => {
    await feedHost.close();
    await otherHost.close();
  });

  it('sends the User-Agent, extra headers and basic auth to the feed\'s own origin', async () => {
    const result = await withClient(testSettings({ userAgent: 'Planet/0.1 (+https://planet.test/)' }), (client) =>
      client.fetchFeed({
        url: feedHost.url('/private'),
        validators: {},
        headers: { 'X-Api-Key': 'k1' },
        auth: { username: 'reader', password: 's3cret:x' },
      }),
    );
    assert.equal(result.kind, 'ok');
    const seen = feedHost.seen.at(-1);
    assert.equal(seen?.headers['user-agent'], 'Planet/0.1 (+https://planet.test/)');
    assert.equal(seen?.headers['x-api-key'], 'k1');
  });

  it('does not send them on to another origin a feed redirects to', async () => {
    const result = await withClient(testSettings(), (client) =>
      client.fetchFeed({ url: feedHost.url('/away'), validators: {}, headers: { 'X-Api-Key': 'k1' }, auth: { username: 'u', password: 'p' } }),
    );
    assert.equal(result.kind, 'ok');
    assert.equal(feedHost.seen.at(-1)?.headers['x-api-key'], 'k1');
    const there = otherHost.seen.at(-1)?.headers;
    assert.equal(there?.['x-api-key'], undefined);
    assert.equal(there?.authorization, undefined);
  });

  it('fails with http-status 401 without the right credentials, and never puts them in the message', async () => {
    const error = await withClient(testSettings(), (client) =>
      fetchError(client.fetchFeed({ url: feedHost.url('/private'), validators: {}, auth: { username: 'reader', password: 'wrong-pw' } })),
    );
    assert.equal(error.httpStatus, 401);
    assert.ok(!error.message.includes('wrong-pw'));
  });

  it('goes through HTTP_PROXY when it is set', async () => {
    const tunnels: string[] = [];
    const proxy = createServer();
    // undici tunnels through the proxy with CONNECT, for http:// URLs too.
    proxy.on('connect', (req, client: Socket, head: Buffer) => {
      tunnels.push(req.url ?? '');
      const [host, port] = (req.url ?? '').split(':');
      const upstream = connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client).pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    proxy.listen(0, '127.0.0.1');
    await once(proxy, 'listening');
    const saved = process.env.HTTP_PROXY;
    process.env.HTTP_PROXY = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    try {
      const result = await withClient(testSettings(), (client) => client.fetchFeed({ url: feedHost.url('/feed'), validators: {} }));
      assert.equal(result.kind, 'ok');
      assert.deepEqual(tunnels, [new URL(feedHost.origin).host]);
    } finally {
      if (saved === undefined) delete process.env.HTTP_PROXY;
      else process.env.HTTP_PROXY = saved;
      proxy.closeAllConnections();
      proxy.close();
    }
  });
});
