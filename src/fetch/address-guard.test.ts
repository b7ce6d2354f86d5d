import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isNonPublicAddress } from './address-guard.ts';
import type { FaultHost } from './testdata/fault-server.ts';
import { feedRoute, redirectRoute, rssFeed, startFaultHost } from './testdata/fault-server.ts';
import { fetchError, testSettings, withClient } from './test-server.ts';

describe('isNonPublicAddress', () => {
  const blocked = ['127.0.0.1', '127.9.9.9', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00:ec2::254', 'fc00::1', '::ffff:10.0.0.1', '::ffff:7f00:1', '224.0.0.1'];
  const allowed = ['8.8.8.8', '172.32.0.1', '93.184.216.34', '2606:4700::1111', 'not-an-ip'];
  for (const address of blocked) it(`refuses ${address}`, () => assert.equal(isNonPublicAddress(address), true));
  for (const address of allowed) it(`allows ${address}`, () => assert.equal(isNonPublicAddress(address), false));
});

describe('the address guard in the connector', () => {
  let allowed: FaultHost;
  let forbidden: FaultHost;
  const guarded = (allowHosts: string[]) => testSettings({ allowPrivateNetworks: false, allowHosts });

  before(async () => {
    forbidden = await startFaultHost('127.0.0.71', { '*': feedRoute(() => rssFeed('forbidden')) });
    allowed = await startFaultHost('127.0.0.70', {
      '/feed': feedRoute(() => rssFeed('allowed')),
      '/to-forbidden': redirectRoute(302, forbidden.url('/feed')),
      '/to-localhost': redirectRoute(301, `http://localhost:${new URL(forbidden.origin).port}/feed`),
    });
  });
  after(async () => {
    await allowed.close();
    await forbidden.close();
  });

  it('lets an allowed host through', async () => {
    const result = await withClient(guarded(['127.0.0.70']), (client) => client.fetchFeed({ url: allowed.url('/feed'), validators: {} }));
    assert.equal(result.kind, 'ok');
  });

  it('refuses an IP literal outside allow_hosts before connecting', async () => {
    const error = await withClient(guarded(['127.0.0.70']), (client) => fetchError(client.fetchFeed({ url: forbidden.url('/feed'), validators: {} })));
    assert.equal(error.code, 'blocked-address');
    assert.match(error.message, /127\.0\.0\.71 is at 127\.0\.0\.71/);
    assert.match(error.message, /allow_hosts/);
    assert.deepEqual(forbidden.seen, []);
  });

  it('refuses a redirect to a private address', async () => {
    const error = await withClient(guarded(['127.0.0.70']), (client) => fetchError(client.fetchFeed({ url: allowed.url('/to-forbidden'), validators: {} })));
    assert.equal(error.code, 'blocked-address');
    assert.deepEqual(forbidden.seen, []);
  });

  it('refuses a host name whose DNS answer is private', async () => {
    const error = await withClient(guarded(['127.0.0.70']), (client) => fetchError(client.fetchFeed({ url: allowed.url('/to-localhost'), validators: {} })));
    assert.equal(error.code, 'blocked-address');
    assert.match(error.message, /localhost is at (127\.0\.0\.1|::1)/);
  });

  it('refuses an IP literal outside allow_hosts even through a proxy', async () => {
    const saved = process.env.HTTP_PROXY;
    // Nothing listens there: had the request gone to the proxy, it would fail with connection-refused.
    process.env.HTTP_PROXY = 'http://127.0.0.1:9';
    try {
      const error = await withClient(guarded(['127.0.0.70']), (client) => fetchError(client.fetchFeed({ url: forbidden.url('/feed'), validators: {} })));
      assert.equal(error.code, 'blocked-address');
    } finally {
      if (saved === undefined) delete process.env.HTTP_PROXY;
      else process.env.HTTP_PROXY = saved;
    }
  });

  it('lets everything through with the guard off (the default)', async () => {
    const result = await withClient(testSettings(), (client) => client.fetchFeed({ url: allowed.url('/to-forbidden'), validators: {} }));
    assert.equal(result.kind, 'ok');
  });
});
