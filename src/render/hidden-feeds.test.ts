// A feed the config marks `hidden`, with Planet 2.0's meaning (planet/__init__.py: channels()
// leaves hidden channels out of items(), gather_channel_info lists them all): listed among the
// subscriptions (sidebar, OPML, FOAF), its entries in no page and no output feed.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildSiteView, renderSite } from './index.ts';
import { sampleEntries, sampleFeeds, sampleHealth, sampleNow, samplePlanet } from './testdata/sample.ts';

const themes = fileURLToPath(new URL('../../themes/', import.meta.url));
const feedSettings = { 'https://beta.example/feed.xml': { hidden: true } };
const view = buildSiteView({ planet: samplePlanet, feeds: sampleFeeds, entries: sampleEntries, now: sampleNow, feedSettings, health: sampleHealth });

describe('hidden feeds in the view model', () => {
  it('lists the feed, marked hidden, and leaves its entries out of every page', () => {
    assert.deepEqual(view.feeds.map((feed) => [feed.name, feed.hidden === true]), [['Alpha', false], ['beta blog', true], ['Charlie <Chaos>', false]]);
    const pages = [...view.pages, ...view.months, ...view.feedPages];
    assert.ok(pages.length > 3);
    for (const page of pages) assert.ok(page.entries.every((entry) => entry.source.name !== 'beta blog'), page.path);
    assert.deepEqual(view.entries.map((entry) => entry.source.name), ['Alpha', 'Charlie <Chaos>']);
  });

  it('keeps an empty page for it, and the date of its newest entry', () => {
    const page = view.feedPages.find((p) => p.feed?.name === 'beta blog');
    assert.deepEqual([page?.path, page?.entries.length, page?.days.length], ['feeds/beta-blog/index.html', 0, 0]);
    assert.equal(page?.feed?.lastEntry?.iso, '2026-11-30T14:05:00Z');
  });
});

describe('hidden feeds in the default theme', () => {
  let dir: string;
  let files: string[];
  const read = (name: string): Promise<string> => readFile(join(dir, name), 'utf8');

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'planet-hidden-'));
    files = await renderSite(view, { themeDir: join(themes, 'default'), outDir: dir });
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('lists the feed in OPML, FOAF and the sidebar, without a link to its posts', async () => {
    assert.match(await read('opml.xml'), /xmlUrl="https:\/\/beta\.example\/feed\.xml"/);
    assert.match(await read('foafroll.xml'), /<rss:channel rdf:about="https:\/\/beta\.example\/feed\.xml"\/>/);
    const index = await read('index.html');
    assert.match(index, /<a href="https:\/\/beta\.example\/" title="Beta&#39;s Blog">beta blog<\/a>/);
    assert.doesNotMatch(index, /href="feeds\/beta-blog\/"/);
    assert.match(index, /href="feeds\/alpha\/"/);
  });

  it('publishes none of its entries, in any file', async () => {
    assert.ok(files.includes('atom.xml') && files.includes('feed.json') && files.includes('archive/2026/11/index.html'));
    for (const file of files.filter((f) => !f.startsWith('assets/'))) {
      const text = await read(file);
      assert.doesNotMatch(text, /beta\.example\/posts|tag:beta\.example|Hello <em>world/, file);
    }
    assert.match(await read('atom.xml'), /https:\/\/alpha\.example\/2/);
  });

  it('gives it a page that says its posts are not shown', async () => {
    const page = await read('feeds/beta-blog/index.html');
    assert.match(page, /its posts are not shown on this planet/);
    assert.doesNotMatch(page, /No entries yet/);
  });

  it('says on the health page why its posts are missing', async () => {
    assert.match(await read('health.html'), /beta blog<\/a> <a class="feed-link"[^>]*>feed<\/a> <span class="hidden-note">\(hidden in the config: listed, posts not shown\)/);
  });
});

describe('hidden feeds in the classic theme', () => {
  let dir: string;
  const read = (name: string): Promise<string> => readFile(join(dir, name), 'utf8');

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'planet-hidden-classic-'));
    await renderSite(view, { themeDir: join(themes, 'classic'), outDir: dir });
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('lists the feed among the subscriptions, shows none of its entries, and marks it on the health page', async () => {
    const index = await read('index.html');
    assert.match(index, /title="Beta&#39;s Blog">beta blog<\/a> <a class="small" href="https:\/\/beta\.example\/feed\.xml"/);
    assert.doesNotMatch(index, /beta\.example\/posts/);
    assert.match(await read('health.html'), /\[hidden in the config: posts not shown\]/);
  });
});
