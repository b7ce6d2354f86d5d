import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Entry } from '../model/index.ts';
import { openStore } from '../store/index.ts';
import { runCli } from './run-cli.ts';

const DAY = 86_400_000;

/** Runs the CLI in-process and collects what it prints. */
async function cli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

describe('planet expunge', () => {
  it('--dry-run lists what retention would remove and removes nothing; without it, removes exactly that', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'planet-expunge-'));
    try {
      const config = join(dir, 'planet.toml');
      const url = 'https://blog.example/feed.xml';
      await writeFile(
        config,
        `[planet]\nname = "P"\nlink = "https://planet.example.org/"\n\n[entries]\nkeep_per_feed = 2\nkeep_days = 30\n\n[[feeds]]\nurl = "${url}"\nname = "Blog"\n`,
      );
      // A year ago the feed listed five posts; today it lists only the newest two.
      const store = await openStore(join(dir, 'planet.db'));
      const yearAgo = Date.now() - 365 * DAY;
      const posts: Entry[] = Array.from({ length: 5 }, (_, i) => ({ id: `p${i}`, title: `Post ${i}`, published: new Date(yearAgo - i * DAY) }));
      try {
        const [feed] = await store.syncFeeds([{ url, name: 'Blog' }]);
        assert.ok(feed);
        const fetch = (at: number, entries: Entry[]) =>
          store.saveFetch(feed.id, { kind: 'updated', at: new Date(at), httpStatus: 200, validators: {}, feed: {}, entries });
        await fetch(yearAgo, posts);
        await fetch(Date.now(), posts.slice(0, 2));
      } finally {
        await store.close();
      }

      const dry = await cli(['expunge', '--dry-run', '-c', config]);
      assert.equal(dry.code, 0, dry.err.join('\n'));
      assert.deepEqual(dry.out.slice(0, -1).map((line) => line.replace(/ \d{4}-\d\d-\d\d /, ' DATE ')), [
        `would remove DATE ${url} Post 2`,
        `would remove DATE ${url} Post 3`,
        `would remove DATE ${url} Post 4`,
      ]);
      assert.match(dry.out.at(-1) ?? '', /^expunge: would remove 3 entries \(keeping 2 per feed and 30 days\)$/);

      const real = await cli(['expunge', '-c', config]);
      assert.equal(real.code, 0);
      assert.match(real.out.at(-1) ?? '', /^expunge: removed 3 entries/);
      const again = await cli(['expunge', '--dry-run', '-c', config]);
      assert.deepEqual(again.out, ['expunge: would remove 0 entries (keeping 2 per feed and 30 days)']);
      const reopened = await openStore(join(dir, 'planet.db'));
      try {
        const feeds = await reopened.listFeeds();
        const left = await reopened.listEntries({ feedIds: feeds.map((f) => f.id), limit: 10 });
        assert.deepEqual(left.map((e) => e.id), ['p0', 'p1']);
      } finally {
        await reopened.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
