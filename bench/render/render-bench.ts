// Render throughput: a planet of F feeds (default 100; the entries go to the first 100) and N
// entries (default 1000) with realistic HTML content, built into a view and rendered by a
// bundled theme into a temp dir; then the same site published twice through publishSite, to
// time the unchanged-file check.
// Run: node --import tsx bench/render/render-bench.ts [entries] [theme] [feeds]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeedRecord, PlanetSettings, StoredEntry } from '../../src/model/index.ts';
import { publishSite } from '../../src/publish/index.ts';
import { buildSiteView, renderSite } from '../../src/render/index.ts';

const count = Number(process.argv[2] ?? 1000);
const theme = fileURLToPath(new URL(`../../themes/${process.argv[3] ?? 'default'}/`, import.meta.url));
const planet: PlanetSettings = {
  name: 'Planet Bench',
  link: 'https://planet.example.org/',
  outputDir: '/unused',
  database: '/unused',
  themeDir: theme,
  itemsPerPage: 60,
  daysPerPage: 0,
  archiveEntries: count,
  summaryLength: 500,
  timezone: 'Europe/Berlin',
  locale: 'en',
};
const now = new Date('2026-11-30T12:00:00Z');
const feeds: FeedRecord[] = Array.from({ length: Number(process.argv[4] ?? 100) }, (_, i) => ({
  id: i + 1,
  name: `Blog ${i + 1}`,
  url: `https://b${i}.example/feed.xml`,
  siteLink: `https://b${i}.example/`,
  validators: {},
  consecutiveFailures: 0,
  lastFetchedAt: now,
  lastSuccessAt: now,
}));
const paragraph = '<p>Some <em>text</em> with <a href="https://x.example/">a link</a> and <code>code()</code>, '.repeat(3) + 'done.</p>';
const content = `${paragraph}<pre><code>def f(x):\n    return x * 2\n</code></pre>${paragraph.repeat(4)}<ul><li>one</li><li>two</li></ul>`;
const entries: StoredEntry[] = Array.from({ length: count }, (_, i) => {
  const at = new Date(now.getTime() - i * 47 * 60 * 1000);
  return { feedId: (i % 100) + 1, id: `e${i}`, title: `Post number ${i}`, link: `https://b${i % 100}.example/p/${i}`, content, displayDate: at, firstSeen: at };
});

const time = async <T>(label: string, work: () => Promise<T> | T): Promise<T> => {
  const start = performance.now();
  const result = await work();
  console.log(`${label}: ${(performance.now() - start).toFixed(0)} ms`);
  return result;
};

const view = await time(`buildSiteView, ${count} entries`, () => buildSiteView({ planet, feeds, entries, now }));
const dir = await mkdtemp(join(tmpdir(), 'planet-render-bench-'));
try {
  const files = await time('renderSite', () => renderSite(view, { themeDir: theme, outDir: join(dir, 'once') }));
  console.log(`files: ${files.length}`);
  const output = join(dir, 'site');
  await time('publishSite, first', () => publishSite(output, (d) => renderSite(view, { themeDir: theme, outDir: d }).then(() => undefined)));
  const report = await time('publishSite, nothing changed', () =>
    publishSite(output, (d) => renderSite(view, { themeDir: theme, outDir: d }).then(() => undefined)),
  );
  console.log(`unchanged: ${report.unchanged}, changed: ${report.changed}`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
