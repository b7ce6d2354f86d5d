// Store throughput on SQLite and on a throwaway PostgreSQL cluster: a first run saving
// FEEDS feeds of ENTRIES entries each, a second run re-saving them unchanged (the common
// case), then the river read (one snapshot of feeds + the newest 60 entries).
//   node --import tsx bench/store/save-and-read.ts [feeds] [entries]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Entry } from '../../src/model/index.ts';
import type { Store } from '../../src/store/index.ts';
import { defaultEntryPolicy, openStore } from '../../src/store/index.ts';
import { startPgCluster } from '../../src/store/testdata/pg-cluster.ts';

const FEEDS = Number(process.argv[2] ?? 200);
const ENTRIES = Number(process.argv[3] ?? 50);
const T0 = Date.UTC(2026, 0, 1);

function entriesOf(feed: number): Entry[] {
  return Array.from({ length: ENTRIES }, (_, i) => ({
    id: `https://blog${feed}.example/posts/${i}`,
    title: `Post ${i} of blog ${feed}`,
    link: `https://blog${feed}.example/posts/${i}`,
    content: `<p>${'Some words of a post. '.repeat(60)}</p>`,
    published: new Date(T0 - (i * 37 + feed) * 3_600_000),
  }));
}

async function timed(label: string, work: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await work();
  console.log(`  ${label.padEnd(34)} ${(performance.now() - started).toFixed(0).padStart(6)} ms`);
}

async function bench(name: string, store: Store): Promise<void> {
  console.log(`${name}: ${FEEDS} feeds x ${ENTRIES} entries`);
  const feeds = await store.syncFeeds(Array.from({ length: FEEDS }, (_, n) => ({ url: `https://blog${n}.example/feed`, name: `Blog ${n}` })));
  const save = (run: number) => async () => {
    for (const [n, feed] of feeds.entries()) {
      await store.saveFetch(
        feed.id,
        { kind: 'updated', at: new Date(T0 + run * 3_600_000), httpStatus: 200, validators: {}, feed: {}, entries: entriesOf(n) },
        defaultEntryPolicy,
      );
    }
  };
  await timed('first run (all entries new)', save(0));
  await timed('second run (all unchanged)', save(1));
  await timed('river snapshot (newest 60)', () =>
    store.snapshot(async (reader) => reader.listEntries({ feedIds: (await reader.listFeeds()).map((f) => f.id), limit: 60 })),
  );
  await timed('archive page (offset 1000, 60)', () => store.listEntries({ feedIds: feeds.map((f) => f.id), limit: 60, offset: 1000 }));
}

const dir = await mkdtemp(join(tmpdir(), 'planet-bench-'));
const cluster = await startPgCluster();
try {
  const sqlite = await openStore(join(dir, 'planet.db'));
  await bench('sqlite', sqlite).finally(() => sqlite.close());
  const pg = await openStore(await cluster.createDatabase());
  await bench('postgres', pg).finally(() => pg.close());
} finally {
  await cluster.stop();
  await rm(dir, { recursive: true, force: true });
}
