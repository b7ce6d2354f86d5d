// What the cold run of fetch-bench.ts costs the main thread per stage, without the network: the
// same 567 documents parsed, sanitized and saved (in groups of 32, as responses arrive together)
// in a fresh process, so JIT warm-up counts as it does in a real first run.
//   node --import tsx bench/fetch/stage-costs.ts
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFeed } from '../../src/parse/index.ts';
import { readEntries } from '../../src/pipeline/filter-entries.ts';
import { createSanitizePolicy } from '../../src/sanitize/index.ts';
import { openStore } from '../../src/store/index.ts';
import { feedBody } from './feed-body.ts';

const N = 567;
const bodies = Array.from({ length: N }, (_, i) => Buffer.from(feedBody(`http://127.0.1.${1 + (i % 63)}:8000`, `/feed/${i}`)));
const dir = await mkdtemp(join(tmpdir(), 'stages-'));
try {
  const store = await openStore(join(dir, 'p.db'));
  const feeds = await store.syncFeeds(bodies.map((_, i) => ({ url: `http://127.0.1.${1 + (i % 63)}:8000/feed/${i}`, name: `F${i}` })));
  const policy = createSanitizePolicy(undefined, undefined, 'x');
  const t = { parse: 0, sanitize: 0, store: 0 };
  const t0 = performance.now();
  const saves: Promise<unknown>[] = [];
  for (let i = 0; i < N; i++) {
    let s = performance.now();
    const parsed = parseFeed(bodies[i] as Buffer, { url: feeds[i]!.url });
    t.parse += performance.now() - s; s = performance.now();
    const entries = readEntries(parsed, feeds[i]!.url, { sanitize: policy });
    t.sanitize += performance.now() - s; s = performance.now();
    saves.push(store.saveFetch(feeds[i]!.id, { kind: 'updated', at: new Date(), httpStatus: 200, validators: {}, feed: { title: parsed.title, link: parsed.link }, entries }));
    if (i % 32 === 31) await Promise.all(saves.splice(0));
    t.store += performance.now() - s;
  }
  await Promise.all(saves);
  console.log(Object.entries(t).map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(', '), `total ${(performance.now() - t0).toFixed(0)} ms`);
  await store.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}
