// Crash safety: `planet update` killed with SIGKILL at random points (a random moment after
// the k-th request the feed server sees, before or after answering it) always leaves a store
// that passes SQLite's integrity check and our own consistency checks; the next run completes.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Sqlite from 'better-sqlite3';
import { rss } from '../pipeline/testdata/river-server.ts';

const bin = fileURLToPath(new URL('../../bin/planet.js', import.meta.url));
const FEEDS = 24;
const BASE_ENTRIES = 40;
const KILLS = 20;
const T0 = Date.UTC(2026, 0, 10, 12);

/** Feed n at round r: a fixed back catalogue plus one new post per round so far. */
function feedBody(n: number, round: number): string {
  const fresh = Array.from({ length: round }, (_, r) => ({
    id: `f${n}-new-${r}`,
    title: `Feed ${n} round ${r}`,
    link: `http://site.example/${n}/new/${r}`,
    date: new Date(T0 + r * 3_600_000),
  }));
  const base = Array.from({ length: BASE_ENTRIES }, (_, i) => ({
    id: `f${n}-${i}`,
    title: `Feed ${n} post ${i}`,
    link: `http://site.example/${n}/${i}`,
    date: new Date(T0 - (i + 1) * 3_600_000),
    content: `<p>${'words '.repeat(200)} ${round % 3}</p>`,
  }));
  return rss(`Feed ${n}`, [...fresh.toReversed(), ...base]);
}

/** What must hold whatever moment the process died at. */
function checkStore(path: string, round: number): void {
  const db = new Sqlite(path, { readonly: true });
  try {
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    assert.deepEqual(db.pragma('foreign_key_check'), []);
    // Each feed's fetch is one transaction: its back catalogue is there whole or not at all,
    // and its new posts are a prefix of the rounds so far.
    const rows = db.prepare('SELECT f.url, e.entry_key FROM entries e JOIN feeds f ON f.id = e.feed_id').all() as { url: string; entry_key: string }[];
    const byFeed = new Map<string, string[]>();
    for (const row of rows) byFeed.set(row.url, [...(byFeed.get(row.url) ?? []), row.entry_key]);
    for (const [url, keys] of byFeed) {
      const base = keys.filter((key) => !key.includes('-new-'));
      assert.equal(base.length, BASE_ENTRIES, `${url}: ${base.length} of the back catalogue`);
      const fresh = keys.filter((key) => key.includes('-new-')).map((key) => Number(key.split('-').at(-1))).sort((a, b) => a - b);
      assert.ok(fresh.every((r, i) => r === i) && fresh.length <= round, `${url}: new posts ${fresh.join(',')}`);
    }
    // The feed row, its entries and its history row are written together or not at all: every
    // entry was counted as new by a recorded attempt, and a feed with entries has its title.
    const counted = db
      .prepare(
        `SELECT f.url, f.title, (SELECT count(*) FROM entries e WHERE e.feed_id = f.id) AS stored,
           (SELECT coalesce(sum(new_entries), 0) FROM fetch_history h WHERE h.feed_id = f.id) AS recorded
         FROM feeds f`,
      )
      .all() as { url: string; title: string | null; stored: number; recorded: number }[];
    for (const feed of counted) {
      assert.equal(feed.stored, feed.recorded, `${feed.url}: entries stored vs counted in its history`);
      assert.equal(feed.title !== null, feed.stored > 0, `${feed.url}: title set with its entries`);
    }
    // Each round rewrites every post's content: a feed never shows two rounds' versions at once.
    const versions = db
      .prepare("SELECT feed_id, count(DISTINCT coalesce(content, summary)) AS n FROM entries WHERE entry_key NOT LIKE '%-new-%' GROUP BY feed_id")
      .all() as { feed_id: number; n: number }[];
    for (const feed of versions) assert.equal(feed.n, 1, `feed ${feed.feed_id}: posts from different rounds`);
    const history = db.prepare('SELECT max(c) AS most FROM (SELECT count(*) AS c FROM fetch_history GROUP BY feed_id)').get() as { most: number | null };
    assert.ok((history.most ?? 0) <= 100);
    const bad = db.prepare('SELECT count(*) AS n FROM entries WHERE hidden NOT IN (0, 1) OR display_date IS NULL OR first_seen > last_seen').get() as { n: number };
    assert.equal(bad.n, 0);
  } finally {
    db.close();
  }
}

describe('planet update killed with SIGKILL', () => {
  let dir: string;
  let config: string;
  let round = 0;
  let requests = 0;
  let onRequest: (count: number, phase: 'arrived' | 'answered') => void = () => undefined;
  const server = createServer((req, res) => {
    const n = Number(/\/f(\d+)\.xml/.exec(req.url ?? '')?.[1]);
    const count = ++requests;
    onRequest(count, 'arrived');
    res.on('finish', () => onRequest(count, 'answered'));
    if (Number.isNaN(n)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feedBody(n, round));
  });

  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    dir = await mkdtemp(join(tmpdir(), 'planet-kill-'));
    config = join(dir, 'planet.toml');
    const feeds = Array.from({ length: FEEDS }, (_, n) => `[[feeds]]\nurl = "http://127.0.0.1:${port}/f${n}.xml"\nname = "Feed ${n}"\n`);
    await writeFile(config, `[planet]\nname = "Kill"\nlink = "https://planet.test/"\n\n[fetch]\ntimeout = 10\n\n${feeds.join('\n')}`);
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it(`leaves a consistent store at each of ${KILLS} random kill points, and the next run completes`, async () => {
    const kills: string[] = [];
    for (let i = 0; i < KILLS; i++) {
      round = i + 1;
      requests = 0;
      // Not among the last few requests: once fetch slots are freed as bodies arrive, the run can
      // be over within the lag after them, and a kill after the exit proves nothing.
      const killAt = 1 + Math.floor(Math.random() * (FEEDS - 4));
      const phase = Math.random() < 0.5 ? 'arrived' : 'answered';
      const child: ChildProcess = spawn(process.execPath, [bin, 'update', '-q', '-c', config], { stdio: 'ignore' });
      // The kill point: a random moment up to 150 ms after the chosen request, so kills land
      // anywhere in fetching, parsing and (mostly) the feeds' store transactions.
      const lag = Math.floor(Math.random() * 150);
      onRequest = (count, at) => {
        if (count === killAt && at === phase) setTimeout(() => child.kill('SIGKILL'), lag);
      };
      const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
      kills.push(`${killAt}/${phase}+${lag}ms:${signal ?? code}`);
      checkStore(join(dir, 'planet.db'), round);
    }
    // Most runs must really have died, or the test proves nothing.
    assert.ok(kills.filter((k) => k.endsWith('SIGKILL')).length >= KILLS - 2, kills.join(' '));
    onRequest = () => undefined;
    const child = spawn(process.execPath, [bin, 'run', '-q', '-c', config], { stdio: 'ignore' });
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 0);
    checkStore(join(dir, 'planet.db'), round);
    const db = new Sqlite(join(dir, 'planet.db'), { readonly: true });
    const { n } = db.prepare('SELECT count(DISTINCT feed_id) AS n FROM entries').get() as { n: number };
    db.close();
    assert.equal(n, FEEDS);
  });
});
