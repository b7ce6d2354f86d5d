// `planet watch` as a maintainer runs it: a real daemon process against a real feed server,
// stopped by real signals at chosen moments (found by watching its output, the server and the
// file system, never by waiting a while).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, watch } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Sqlite from 'better-sqlite3';
import { openStore } from '../store/index.ts';
import type { WatchServer } from './testdata/watch-server.ts';
import { startWatchServer } from './testdata/watch-server.ts';

const bin = fileURLToPath(new URL('../../bin/planet.js', import.meta.url));
const FEEDS = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta'];

/** A running `planet watch`, its output as it arrives. */
interface Daemon {
  stdout: () => string;
  stderr: () => string;
  /** Resolves once the output so far matches; rejects if the daemon exits first. */
  waitFor: (pattern: RegExp, stream?: 'stdout' | 'stderr', since?: number) => Promise<void>;
  kill: (signal: NodeJS.Signals) => void;
  exited: Promise<number | null>;
}

function startDaemon(args: string[]): Daemon {
  const child = spawn(process.execPath, [bin, 'watch', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const text = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (text.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (text.stderr += chunk.toString()));
  // 'close' comes after the exit and the last output.
  const exited = once(child, 'close').then(([code]) => code as number | null);
  const waitFor = async (pattern: RegExp, stream: 'stdout' | 'stderr' = 'stdout', since = 0): Promise<void> => {
    const source = child[stream];
    while (!pattern.test(text[stream].slice(since))) {
      const outcome = await Promise.race([once(source, 'data').then(() => 'data'), exited.then(() => 'exit')]);
      if (outcome === 'exit') throw new Error(`planet watch exited before printing ${pattern}:\n${text.stdout}\n${text.stderr}`);
    }
  };
  return { stdout: () => text.stdout, stderr: () => text.stderr, waitFor, kill: (signal) => child.kill(signal), exited };
}

/** A planet of `feeds`, each served at /<name>.xml, with extra lines for [planet] and [fetch]. */
function configText(origin: string, feeds: readonly string[], extra: { planet?: string; fetch?: string } = {}): string {
  const subscriptions = feeds.map((name) => `[[feeds]]\nurl = "${origin}/${name}.xml"\nname = "${name}"\n`).join('\n');
  return `[planet]\nname = "Planet Watch"\nlink = "https://planet.test/"\n${extra.planet ?? ''}\n[fetch]\ntimeout = 10\n${extra.fetch ?? ''}\n\n${subscriptions}`;
}

/** Every file of a directory tree with its size, relative paths sorted: enough to tell a whole site from part of one. */
async function listing(dir: string): Promise<string[]> {
  const names = (await readdir(dir, { recursive: true })).sort();
  const out: string[] = [];
  for (const name of names) {
    const info = await stat(join(dir, name));
    if (info.isFile()) out.push(name);
  }
  return out;
}

/** Names the publisher leaves beside output_dir while it works: none may outlive a clean stop. */
async function leftovers(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.startsWith('.output'));
}

/** The river's headings, in page order. */
function headings(html: string): string[] {
  return [...html.matchAll(/<h3[^>]*>([\s\S]*?)<\/h3>/g)].map((m) => (m[1] ?? '').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim());
}

/** The store passes SQLite's integrity check and holds what the feeds served, each fetch whole. */
async function checkStore(database: string, feedCount: number, expectFresh: Map<string, number>): Promise<void> {
  const db = new Sqlite(database, { readonly: true });
  try {
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    assert.deepEqual(db.pragma('foreign_key_check'), []);
  } finally {
    db.close();
  }
  const store = await openStore(database);
  try {
    const feeds = await store.listFeeds();
    assert.equal(feeds.length, feedCount);
    const entries = await store.listEntries({ feedIds: feeds.map((f) => f.id), limit: 10_000 });
    for (const feed of feeds) {
      const fresh = entries.filter((e) => e.feedId === feed.id && e.title?.includes(' fresh '));
      assert.equal(fresh.length, expectFresh.get(feed.name) ?? 0, `${feed.name}: fresh posts stored`);
      assert.equal(feed.lastError, undefined, `${feed.name}: no error recorded`);
    }
  } finally {
    await store.close();
  }
}

describe('planet watch', { timeout: 120_000 }, () => {
  let server: WatchServer;
  let dir: string;
  let config: string;
  let daemon: Daemon | undefined;

  before(async () => {
    server = await startWatchServer();
  });
  after(() => server.close());
  afterEach(async () => {
    // A failed assertion must not leave a daemon running.
    daemon?.kill('SIGKILL');
    await daemon?.exited;
    daemon = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  // Each test has its own feed names, since the server counts every path's requests.
  let feeds: string[] = [];
  const fresh = async (test: string, extra: { planet?: string; fetch?: string } = {}, count = FEEDS.length): Promise<void> => {
    dir = await mkdtemp(join(tmpdir(), `planet-watch-${test}-`));
    config = join(dir, 'planet.toml');
    feeds = FEEDS.slice(0, count).map((name) => `${test}-${name}`);
    await writeFile(config, configText(server.origin, feeds, extra));
  };

  it('survives SIGTERM in the middle of a build: exits 0 with a complete site, no temp directories, a consistent store', async () => {
    await fresh('build');
    // Run 2 cannot finish its update before the test has looked at run 1's site.
    const held = server.hold(`/${feeds[0]}.xml`, 2);
    daemon = startDaemon(['-c', config, '--interval', '1s']);
    await daemon.waitFor(/run 1: .*files changed/);
    const output = join(dir, 'output');
    const first = await listing(output);
    assert.ok(first.includes('index.html') && first.includes('atom.xml'), `first site: ${first.join(', ')}`);

    // Run 2 fetches one fresh post per feed and renders them; stop it once its build directory exists.
    const watcher = watch(dir);
    const building = new Promise<void>((resolve) =>
      watcher.on('change', (_type, name) => {
        if (String(name).startsWith('.output.building-') && existsSync(join(dir, String(name)))) resolve();
      }),
    );
    held.release();
    await building;
    daemon.kill('SIGTERM');
    watcher.close();
    assert.equal(await daemon.exited, 0, daemon.stderr());

    const out = daemon.stdout();
    const stopAt = out.indexOf('SIGTERM: stopping');
    const run2At = out.search(/run 2: /);
    assert.ok(stopAt >= 0 && run2At > stopAt, `the signal arrived while run 2 was building, and run 2 then finished:\n${out}`);
    assert.match(out, /run 2: 6 feeds fetched \(6 updated\), 0 failed, 0 skipped; 6 new entries; \d+ files changed; [\d.]+ s; stopping\n/);
    assert.match(out, /watch: stopped\n$/);
    assert.doesNotMatch(out, /run 3/);

    // The complete new site: every file a build from the same store writes, with run 2's posts on top.
    const rebuilt = join(dir, 'rebuilt.toml');
    await writeFile(rebuilt, configText(server.origin, feeds, { planet: 'output_dir = "rebuilt"' }));
    const build = spawn(process.execPath, [bin, 'build', '-c', rebuilt], { stdio: 'ignore' });
    assert.equal((await once(build, 'exit'))[0], 0);
    assert.deepEqual(await listing(output), await listing(join(dir, 'rebuilt')));
    const river = headings(await readFile(join(output, 'index.html'), 'utf8'));
    assert.deepEqual(river.slice(0, 6).sort(), feeds.map((name) => `${name}: ${name} fresh 0`).sort());
    assert.deepEqual(await leftovers(dir), []);
    await checkStore(join(dir, 'planet.db'), feeds.length, new Map(feeds.map((name) => [name, 1])));
  });

  it('on SIGTERM during an update finishes the feed in flight, starts no other, skips the build and keeps the previous site', async () => {
    await fresh('update', { fetch: 'concurrency = 1' });
    const held = server.hold(`/${feeds[0]}.xml`, 2);
    daemon = startDaemon(['-c', config, '--interval', '1s']);
    await daemon.waitFor(/run 1: .*files changed/);
    const index = join(dir, 'output', 'index.html');
    const previous = await readFile(index, 'utf8');
    await server.requested(`/${feeds[0]}.xml`, 2);
    const before = server.seen.length;
    daemon.kill('SIGTERM');
    await daemon.waitFor(/SIGTERM: stopping/);
    held.release();
    assert.equal(await daemon.exited, 0, daemon.stderr());

    assert.match(daemon.stdout(), /run 2: 1 feed fetched \(1 updated\), 0 failed, 0 skipped; 1 new entry; stopped before the build, the previous site stays/);
    assert.deepEqual(server.seen.slice(before), [], 'no feed started after the signal');
    assert.equal(await readFile(index, 'utf8'), previous);
    assert.deepEqual(await leftovers(dir), []);
    await checkStore(join(dir, 'planet.db'), feeds.length, new Map([[feeds[0] as string, 1]]));
  });

  it('stops at once on a second signal, leaving the previous site', async () => {
    await fresh('twice');
    const held = server.hold(`/${feeds[0]}.xml`, 2);
    daemon = startDaemon(['-c', config, '--interval', '1s']);
    await daemon.waitFor(/run 1: .*files changed/);
    const index = join(dir, 'output', 'index.html');
    const previous = await readFile(index, 'utf8');
    await server.requested(`/${feeds[0]}.xml`, 2);
    daemon.kill('SIGINT');
    await daemon.waitFor(/SIGINT: stopping/);
    daemon.kill('SIGINT');
    assert.equal(await daemon.exited, 130);
    held.release();
    assert.match(daemon.stderr(), /SIGINT again: stopping at once/);
    assert.equal(await readFile(index, 'utf8'), previous);
  });

  it('stops on SIGINT between runs with exit code 0', async () => {
    await fresh('idle');
    daemon = startDaemon(['-c', config, '--interval', '2h']);
    await daemon.waitFor(/run 1: 6 feeds fetched .*; next run at /);
    daemon.kill('SIGINT');
    assert.equal(await daemon.exited, 0, daemon.stderr());
    assert.match(daemon.stdout(), /every 2h, first run now/);
    assert.match(daemon.stdout(), /SIGINT: stopping after the current step.*\nwatch: stopped\n$/);
    assert.deepEqual(await leftovers(dir), []);
  });

  it('runs again and again: a failing run and a broken config edit do not stop it, a good edit applies', async () => {
    // output_dir's parent does not exist yet: every run fails at publishing until it does.
    const planet = 'output_dir = "site/output"';
    await fresh('loop', { planet }, 1);
    daemon = startDaemon(['-c', config, '--interval', '1s']);
    await daemon.waitFor(/run 1 failed after [\d.]+ s: publish: cannot publish to .*site\/output.*; the previous site stays; next run at /, 'stderr');
    await mkdir(join(dir, 'site'));
    await daemon.waitFor(/run \d+: 1 feed fetched .*files changed/);
    assert.ok(existsSync(join(dir, 'site', 'output', 'index.html')));

    await writeFile(config, '[planet\nname = "half an edit"\n');
    await daemon.waitFor(/kept the last good config, since .*planet\.toml cannot be used: config: .*planet\.toml:1:/, 'stderr');
    await daemon.waitFor(/run \d+: 1 feed fetched/, 'stdout', daemon.stdout().length);

    const added = `${feeds[0]}-added`;
    await writeFile(config, configText(server.origin, [...feeds, added], { planet }));
    await server.requested(`/${added}.xml`, 1);
    await daemon.waitFor(/run \d+: 2 feeds fetched/);
    daemon.kill('SIGTERM');
    assert.equal(await daemon.exited, 0, daemon.stderr());
    const runs = daemon.stdout().match(/run \d+: /g) ?? [];
    assert.ok(runs.length >= 3, daemon.stdout());
  });

  it('exits 1 on a bad config at start and 2 on a bad --interval', async () => {
    await fresh('bad', { planet: '[watch]\ninterval = "soon"' }, 1);
    daemon = startDaemon(['-c', config]);
    assert.equal(await daemon.exited, 1);
    assert.match(daemon.stderr(), /\[watch\] interval: expected a duration such as "90s", "30m" or "2h" \(at most 24h\), got "soon"/);
    daemon = startDaemon(['-c', config, '--interval', '10 minutes']);
    assert.equal(await daemon.exited, 2);
    assert.match(daemon.stderr(), /--interval expects a duration such as 90s, 30m or 2h/);
  });
});
