import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError } from '../model/index.ts';
import { loadConfig, parseConfig, renderInitConfig } from './index.ts';

const file = '/srv/planet/planet.toml';

function problemsOf(text: string): ConfigError {
  try {
    parseConfig(text, file);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the config to be rejected');
}

describe('config', () => {
  it('fills defaults and resolves paths against the config file', () => {
    const config = parseConfig(
      '[planet]\nname = "Planet Test"\nlink = "https://planet.example.org"\n\n[[feeds]]\nurl = "https://a.example/feed.xml"\nname = "A"\n\n[[feeds]]\nurl = "https://b.example/rss"\n',
      file,
    );
    assert.equal(config.planet.link, 'https://planet.example.org/');
    assert.equal(config.planet.outputDir, '/srv/planet/output');
    assert.equal(config.planet.database, '/srv/planet/planet.db');
    assert.match(config.planet.themeDir, /themes\/default\/?$/);
    assert.equal(config.planet.itemsPerPage, 60);
    assert.deepEqual(config.fetch, {
      concurrency: 16,
      workers: 0,
      perHostConnections: 2,
      timeoutMs: 30_000,
      maxBytes: 10 * 1024 * 1024,
      userAgent: 'Planet/0.1 (+https://planet.example.org/)',
      allowPrivateNetworks: true,
      allowHosts: [],
      respectFeedTtl: false,
      applyPermanentRedirects: false,
    });
    assert.deepEqual(config.feeds, [
      { url: 'https://a.example/feed.xml', name: 'A' },
      { url: 'https://b.example/rss', name: 'b.example' },
    ]);
    assert.ok(Object.isFrozen(config.planet) && Object.isFrozen(config.feeds));
  });

  it('reports every problem with the file, the key and what is expected', () => {
    const error = problemsOf(
      '[planet]\nnmae = "x"\nlink = "ftp://x"\nitems_per_page = "ten"\n[fetch]\ntimeout = 0\n[[feeds]]\nname = "no url"\n[extra]\n',
    );
    assert.equal(error.code, 'config-invalid');
    const m = error.message;
    assert.match(m, /\/srv\/planet\/planet\.toml has 7 problems/);
    assert.match(m, /\[planet\] nmae: unknown key \(did you mean "name"\?\)/);
    assert.match(m, /\[planet\] name: is required/);
    assert.match(m, /\[planet\] link: expected an http:\/\/ or https:\/\/ URL, got "ftp:\/\/x"/);
    assert.match(m, /\[planet\] items_per_page: expected a whole number, got "ten"/);
    assert.match(m, /\[fetch\] timeout: expected a number of at least 1, got 0/);
    assert.match(m, /\[\[feeds\]\] #1 url: is required/);
    assert.match(m, /\[extra\]: unknown section/);
  });

  it('rejects a feed subscribed twice', () => {
    const error = problemsOf(
      '[planet]\nname = "P"\nlink = "https://p.example/"\n[[feeds]]\nurl = "https://a.example/feed"\n[[feeds]]\nurl = "https://A.example/feed"\n',
    );
    assert.match(error.message, /#2 url: https:\/\/a\.example\/feed is already subscribed as \[\[feeds\]\] #1/);
  });

  it('points at the line and column of a TOML syntax error', () => {
    const error = problemsOf('[planet]\nname = "P"\nlink = \n');
    assert.equal(error.code, 'config-syntax');
    assert.match(error.message, /planet\.toml:3:\d+: /);
  });

  it('says how to create a missing config file', async () => {
    await assert.rejects(loadConfig('/nonexistent/planet.toml'), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.code, 'config-not-found');
      assert.match(error.message, /planet init/);
      return true;
    });
  });

  it('writes an init config that loads back with the feeds given', async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'planet-config-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    const text = renderInitConfig({
      name: 'Planet "Quoted"',
      link: 'https://planet.example.org/',
      feeds: [{ url: 'https://blog.example.org/feed.xml', name: 'Blog' }],
    });
    await writeFile(join(dir, 'planet.toml'), text);
    const config = await loadConfig(join(dir, 'planet.toml'));
    assert.equal(config.planet.name, 'Planet "Quoted"');
    assert.deepEqual(config.feeds, [{ url: 'https://blog.example.org/feed.xml', name: 'Blog' }]);
    assert.match(text, /# concurrency = 16 +# Feeds fetched at the same time\./);
  });
});
