import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { HealthRun } from '../model/index.ts';
import { buildSiteView, renderSite } from './index.ts';
import { sampleEntries, sampleFeeds, sampleHealth, sampleNow, samplePlanet } from './testdata/sample.ts';

const themesDir = fileURLToPath(new URL('../../themes/', import.meta.url));
const input = { planet: samplePlanet, feeds: sampleFeeds, entries: sampleEntries, now: sampleNow, health: sampleHealth };

function runs(outcomes: string): HealthRun[] {
  return [...outcomes].map((c, i) => ({
    at: new Date(Date.UTC(2026, 10, 1) + i * 3_600_000),
    outcome: c === 'x' ? 'failed' : c === '.' ? 'not-modified' : 'updated',
    newEntries: c === 'n' ? 2 : 0,
    ...(c === 'x' && { errorCode: 'timeout' }),
  }));
}

describe('health page view', () => {
  it('lists every feed, hidden ones too, most serious first, and counts the statuses', () => {
    const health = buildSiteView(input).health;
    assert.ok(health);
    assert.deepEqual(
      health.feeds.map((f) => [f.name, f.status, f.hidden]),
      [
        ['Gone & <Hidden>', 'gone', true],
        ['Alpha', 'failing', false],
        ['Charlie <Chaos>', 'never-fetched', false],
        ['beta blog', 'ok', false],
      ],
    );
    assert.equal(health.feeds[0]?.feed, undefined, 'a feed the policy hides has no feed page to link');
    assert.equal(health.feeds[1]?.label, 'failing (3 runs in a row), stale');
    assert.deepEqual(health.counts, [
      { status: 'gone', count: 1 },
      { status: 'failing', count: 1 },
      { status: 'stale', count: 1 },
      { status: 'never-fetched', count: 1 },
      { status: 'ok', count: 1 },
    ]);
    assert.equal(health.page.path, 'health.html');
  });

  it('draws the last 30 runs, oldest first, a failed last run as the last, full-height bar', () => {
    const many = runs(`${'n'.repeat(20)}${'.'.repeat(15)}nnx`);
    const view = buildSiteView({ ...input, health: [{ ...sampleHealth[0]!, runs: many }] });
    const spark = view.health?.feeds[0]?.sparkline;
    assert.ok(spark);
    assert.equal(spark.bars.length, 30);
    assert.equal(spark.label, 'last 30 runs: 29 ok, 1 failed');
    const last = spark.bars.at(-1);
    assert.equal(last?.outcome, 'failed');
    assert.equal(last?.height, spark.height);
    assert.match(last?.title ?? '', /failed \(timeout\)$/);
    assert.ok(spark.bars.every((b, i) => i === 0 || b.x > (spark.bars[i - 1]?.x ?? 0)), 'left to right in time');
    assert.ok((last?.x ?? 0) + (last?.width ?? 0) <= spark.width);
    const quiet = spark.bars.find((b) => b.outcome === 'not-modified');
    assert.ok(quiet && quiet.height < spark.height && quiet.fill !== last?.fill);
  });

  it('is absent when health_page is false, and then neither the page nor the sidebar link is published', async () => {
    const off = buildSiteView({ ...input, planet: { ...samplePlanet, healthPage: false } });
    assert.equal(off.health, undefined);
    for (const theme of ['default', 'classic']) {
      const outDir = await mkdtemp(join(tmpdir(), 'planet-health-off-'));
      try {
        const written = await renderSite(off, { themeDir: join(themesDir, theme), outDir });
        assert.ok(!written.includes('health.html'), `${theme} wrote health.html`);
        assert.doesNotMatch(await readFile(join(outDir, 'index.html'), 'utf8'), /health\.html/);
      } finally {
        await rm(outDir, { recursive: true, force: true });
      }
    }
  });

  it('publishes health.html with a sidebar link, escaped names, runs in words, and a CSP allowing only its own images', async () => {
    const view = buildSiteView(input);
    for (const theme of ['default', 'classic']) {
      const outDir = await mkdtemp(join(tmpdir(), 'planet-health-on-'));
      try {
        const written = await renderSite(view, { themeDir: join(themesDir, theme), outDir });
        assert.ok(written.includes('health.html'));
        const html = await readFile(join(outDir, 'health.html'), 'utf8');
        assert.match(html, /img-src 'self';/);
        assert.doesNotMatch(html, /<Hidden>|<Chaos>/);
        assert.match(html, /Gone &amp; &lt;Hidden&gt;/);
        assert.match(html, /<svg class="sparkline" role="img" aria-label="last 4 runs: 1 ok, 3 failed"/);
        assert.match(await readFile(join(outDir, 'feeds', 'alpha', 'index.html'), 'utf8'), /<a href="\.\.\/\.\.\/health\.html">Feed health<\/a>/);
        assert.match(await readFile(join(outDir, 'index.html'), 'utf8'), /img-src \* data:;/, 'river pages still show entries\' images');
      } finally {
        await rm(outDir, { recursive: true, force: true });
      }
    }
  });
});
