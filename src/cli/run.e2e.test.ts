import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { watch } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openStore } from '../store/index.ts';
import { activeContent } from './testdata/active-content.ts';
import type { SeenRequest } from './testdata/feed-server.ts';
import { closedPort, startFeedServer } from './testdata/feed-server.ts';
import { planet } from './testdata/run-planet.ts';

const bin = fileURLToPath(new URL('../../bin/planet.js', import.meta.url));


/** The "Source: Title" headings of the river, in page order. */
function headings(html: string): string[] {
  return [...html.matchAll(/<h3[^>]*>([\s\S]*?)<\/h3>/g)].map((m) => (m[1] ?? '').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim());
}

describe('planet run, end to end', () => {
  let server: Awaited<ReturnType<typeof startFeedServer>>;
  let dir: string;
  let config: string;
  let unreachable: string;

  before(async () => {
    server = await startFeedServer();
    unreachable = `http://127.0.0.1:${await closedPort()}/gone.xml`;
    dir = await mkdtemp(join(tmpdir(), 'planet-e2e-'));
    config = join(dir, 'planet.toml');
    await writeFile(
      config,
      `[planet]
name = "Planet Test"
link = "https://planet.test/"

[fetch]
timeout = 10

[[feeds]]
url = "${server.origin}/alpha.xml"
name = "Alpha"

[[feeds]]
url = "${server.origin}/beta.xml"
name = "Beta"

[[feeds]]
url = "${server.origin}/broken.xml"
name = "Broken"

[[feeds]]
url = "${unreachable}"
name = "Unreachable"
`,
    );
  });
  after(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('publishes the river and its feeds, and records the failing feeds', async () => {
    const run = await planet(['run', '-c', config]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /Broken .*HTTP 500.*\[http-status\]/);
    assert.match(run.stderr, /Unreachable .*\[connection-refused\]/);

    const output = join(dir, 'output');
    const files = await readdir(output);
    for (const file of ['index.html', 'atom.xml', 'rss20.xml', 'opml.xml']) assert.ok(files.includes(file), `${file} published`);
    const html = await readFile(join(output, 'index.html'), 'utf8');
    assert.deepEqual(headings(html), ['Alpha: Alpha newest', 'Beta: Beta middle', 'Alpha: Alpha oldest']);
    assert.match(html, /Hello <b>bold<\/b>/);
    assert.deepEqual(activeContent(html), []);
    assert.match(html, /<img src="http:\/\/127\.0\.0\.1:\d+\/pic\.png"/, 'relative image resolved against the feed URL');
    assert.match(html, /a &lt; b/);

    const atom = await readFile(join(output, 'atom.xml'), 'utf8');
    const ids = [...atom.matchAll(/<entry>[\s\S]*?<id>([^<]+)<\/id>/g)].map((m) => m[1]);
    assert.deepEqual(ids, ['alpha-3', 'urn:beta:2', 'alpha-1']);
    const rss = await readFile(join(output, 'rss20.xml'), 'utf8');
    assert.match(rss, /<title>Alpha: Alpha newest<\/title>/);
    const opml = await readFile(join(output, 'opml.xml'), 'utf8');
    assert.equal([...opml.matchAll(/<outline /g)].length, 4);

    const store = await openStore(join(dir, 'planet.db'));
    try {
      const feeds = new Map((await store.listFeeds()).map((f) => [f.name, f]));
      assert.match(feeds.get('Alpha')?.validators.etag ?? '', /^"[0-9a-f]{16}"$/);
      assert.equal(feeds.get('Beta')?.validators.lastModified, 'Sat, 28 Nov 2026 10:00:00 GMT');
      assert.equal(feeds.get('Broken')?.lastError?.code, 'http-status');
      assert.equal(feeds.get('Broken')?.lastHttpStatus, 500);
      assert.equal(feeds.get('Broken')?.consecutiveFailures, 1);
      assert.equal(feeds.get('Unreachable')?.lastError?.code, 'connection-refused');
    } finally {
      await store.close();
    }
  });

  it('sends conditional requests on the second run, gets 304s and publishes the same entries', async () => {
    const before = server.seen.length;
    const run = await planet(['run', '-c', config]);
    assert.equal(run.code, 0, run.stderr);
    const second = server.seen.slice(before).filter((r: SeenRequest) => r.path !== '/broken.xml');
    assert.equal(second.length, 2);
    for (const request of second) {
      assert.equal(request.status, 304, `${request.path} should be not-modified`);
      assert.ok(request.headers['if-none-match'], `${request.path} sent If-None-Match`);
      assert.equal(request.headers['if-modified-since'], 'Sat, 28 Nov 2026 10:00:00 GMT');
    }
    const html = await readFile(join(dir, 'output', 'index.html'), 'utf8');
    assert.deepEqual(headings(html), ['Alpha: Alpha newest', 'Beta: Beta middle', 'Alpha: Alpha oldest']);
  });

  it('builds offline from the store', async () => {
    const before = server.seen.length;
    const run = await planet(['build', '-c', config]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(server.seen.length, before, 'build made no request');
    assert.match(run.stdout, /published 3 entries from 4 feeds/);
  });

  it('leaves the previous site complete when killed while it builds', async () => {
    const output = join(dir, 'output');
    const previous = await readFile(join(output, 'index.html'), 'utf8');
    const watcher = watch(dir);
    const child = spawn(process.execPath, [bin, 'build', '-c', config], { stdio: 'ignore' });
    // Kill as soon as the build directory appears: the render has started, the swap has not.
    for await (const [, name] of on(watcher)) {
      if (String(name).startsWith('.output.building-')) break;
    }
    child.kill('SIGKILL');
    watcher.close();
    await once(child, 'exit');
    const files = await readdir(output);
    for (const file of ['index.html', 'atom.xml', 'rss20.xml', 'opml.xml']) assert.ok(files.includes(file), `${file} kept`);
    const html = await readFile(join(output, 'index.html'), 'utf8');
    assert.deepEqual(headings(html), headings(previous));
    // The next build clears what the killed one left and publishes.
    assert.equal((await planet(['build', '-c', config])).code, 0);
    assert.deepEqual((await readdir(dir)).filter((f) => f.startsWith('.output')), []);
  });

  it('exits 1 naming the file and key for a bad config, and publishes nothing', async () => {
    const bad = join(dir, 'bad.toml');
    await writeFile(bad, '[planet]\nname = "x"\nlink = "not a url"\noutput_dir = "never"\n');
    const run = await planet(['run', '-c', bad]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /bad\.toml.*\n.*\[planet\] link: expected an http:\/\/ or https:\/\/ URL/);
    assert.ok(!(await readdir(dir)).includes('never'));
  });
});

/** fs.watch events as an async iterable of [eventType, filename]. */
async function* on(watcher: ReturnType<typeof watch>): AsyncGenerator<[string, string | null]> {
  const queue: [string, string | null][] = [];
  let wake: (() => void) | undefined;
  watcher.on('change', (type: string, name: string | Buffer | null) => {
    queue.push([type, name === null ? null : String(name)]);
    wake?.();
  });
  for (;;) {
    const next = queue.shift();
    if (next !== undefined) yield next;
    else await new Promise<void>((resolve) => (wake = resolve));
  }
}
