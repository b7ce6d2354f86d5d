import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../model/index.ts';
import { parseConfig } from './index.ts';

const file = '/srv/planet/planet.toml';
const base = '[planet]\nname = "P"\nlink = "https://p.example/"\n';

function problems(text: string): string {
  try {
    parseConfig(text, file);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.message;
  }
  assert.fail('expected a config error');
}

describe('config: fetch politeness and identity keys', () => {
  it('reads the guard, freshness and redirect keys', () => {
    const config = parseConfig(
      `${base}[fetch]\nallow_private_networks = false\nallow_hosts = ["intranet.example", "10.0.0.5"]\nrespect_feed_ttl = true\napply_permanent_redirects = true\n`,
      file,
    );
    assert.equal(config.fetch.allowPrivateNetworks, false);
    assert.deepEqual(config.fetch.allowHosts, ['intranet.example', '10.0.0.5']);
    assert.equal(config.fetch.respectFeedTtl, true);
    assert.equal(config.fetch.applyPermanentRedirects, true);
  });

  it('reads per-feed headers and basic auth', () => {
    const config = parseConfig(
      `${base}[[feeds]]\nurl = "https://a.example/feed"\nusername = "me"\npassword = "pw"\nheaders = { "X-Api-Key" = "k", Accept-Language = "de" }\n`,
      file,
    );
    assert.deepEqual(config.feeds[0], {
      url: 'https://a.example/feed',
      name: 'a.example',
      headers: { 'X-Api-Key': 'k', 'Accept-Language': 'de' },
      auth: { username: 'me', password: 'pw' },
    });
  });

  it('reports bad values, and never repeats a header value or password', () => {
    const message = problems(
      `${base}[fetch]\nallow_hosts = "intranet"\n[[feeds]]\nurl = "https://a.example/feed"\npassword = "hunter2"\nheaders = { "Bad Name" = "secret-1", Ok = 5 }\n`,
    );
    assert.match(message, /\[fetch\] allow_hosts: expected a list of non-empty strings/);
    assert.match(message, /headers\.Bad Name: is not a valid HTTP header name/);
    assert.match(message, /headers\.Ok: expected a one-line string value/);
    assert.match(message, /basic auth needs both username and password/);
    assert.ok(!message.includes('hunter2') && !message.includes('secret-1'), message);
  });

  it('refuses credentials inside a feed URL, without repeating them', () => {
    const message = problems(`${base}[[feeds]]\nurl = "https://me:hunter2@a.example/feed"\n`);
    assert.match(message, /url: has a user name or password in it; remove them and set username and password instead/);
    assert.ok(!message.includes('hunter2'), message);
  });
});
