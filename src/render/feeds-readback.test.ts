import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseJsonFeed, parseOpml } from 'feedsmith';
import { buildSiteView, renderSite } from './index.ts';
import { feedparserMissing, readWithFeedparser, readWithPlanet, readWithSfeed, sfeedMissing } from './testdata/feed-readers.ts';
import { sampleEntries, sampleFeeds, sampleNow, samplePlanet } from './testdata/sample.ts';

const defaultTheme = fileURLToPath(new URL('../../themes/default/', import.meta.url));
const view = buildSiteView({ planet: samplePlanet, feeds: sampleFeeds, entries: sampleEntries, now: sampleNow });
const squash = (texts: string[]): string[] => texts.map((t) => t.replace(/\s+/g, ' ').trim());
const headings = squash(view.entries.map((e) => e.heading));
const links = view.entries.map((e) => e.link ?? '');

let outDir: string;
const read = (name: string): Promise<string> => readFile(join(outDir, name), 'utf8');
before(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'planet-readback-'));
  await renderSite(view, { themeDir: defaultTheme, outDir });
});
after(() => rm(outDir, { recursive: true, force: true }));

// RSS cannot say a title is plain text, so readers guess: ours and feedparser take text that
// looks like a tag for markup and drop it. Atom's type="text" is unambiguous. So RSS titles are
// compared where they hold no "<", and Atom titles everywhere.
const rssTitle = (title: string): string => (title.includes('<') ? '(ambiguous in RSS)' : title);
const rssTitles = (titles: string[]): string[] => titles.map(rssTitle);
// Atom titles are the post's own (atom:source names the blog); RSS titles are "Source: Title".
const expectedTitles: Record<string, string[]> = {
  'atom.xml': squash(view.entries.map((e) => e.title ?? e.heading)),
  'rss20.xml': rssTitles(headings),
  'rss10.xml': rssTitles(headings),
};
const comparable = (name: string, titles: string[]): string[] =>
  name === 'atom.xml' ? squash(titles) : squash(titles).map((t, i) => (expectedTitles[name]?.[i] === '(ambiguous in RSS)' ? '(ambiguous in RSS)' : t));
// RSS 1.0 requires a link per item, so an entry without a permalink links to the planet.
const expectedLinks: Record<string, string[]> = {
  'atom.xml': links,
  'rss20.xml': links,
  'rss10.xml': links.map((l) => l || view.links.home),
};

describe('output feeds read back', () => {
  for (const name of Object.keys(expectedTitles)) {
    it(`${name}: our parser reads every entry with no warning`, async () => {
      const back = readWithPlanet(await read(name), `${view.planet.link}${name}`);
      assert.deepEqual(back.problems, []);
      assert.deepEqual(comparable(name, back.titles), expectedTitles[name]);
      assert.deepEqual(back.links, expectedLinks[name]);
    });

    it(`${name}: Python feedparser reads it with bozo = 0`, async (t) => {
      const missing = feedparserMissing();
      if (missing !== undefined) return t.skip(missing);
      const back = readWithFeedparser(await read(name));
      assert.deepEqual(back.problems, []);
      assert.match(back.version, { 'atom.xml': /^atom10$/, 'rss20.xml': /^rss20$/, 'rss10.xml': /^rss10$/ }[name] ?? /x^/);
      assert.deepEqual(comparable(name, back.titles), expectedTitles[name]);
    });

    it(`${name}: sfeed reads every entry`, async (t) => {
      const missing = sfeedMissing();
      if (missing !== undefined) return t.skip(missing);
      const back = readWithSfeed(await read(name));
      assert.deepEqual(back.problems, []);
      assert.deepEqual(comparable(name, back.titles), expectedTitles[name]);
    });
  }

  it('feed.json is a JSON Feed 1.1 with every entry, titled "Source: Title"', async () => {
    const text = await read('feed.json');
    const feed = parseJsonFeed(JSON.parse(text));
    assert.equal(feed.title, view.planet.name);
    assert.deepEqual(squash((feed.items ?? []).map((i) => i.title ?? '')), headings);
    assert.deepEqual(
      (feed.items ?? []).map((i) => i.id),
      view.entries.map((e) => e.id),
    );
    assert.equal((JSON.parse(text) as { version: string }).version, 'https://jsonfeed.org/version/1.1');
    const ours = readWithPlanet(text, `${view.planet.link}feed.json`);
    assert.deepEqual(ours.problems, [], 'our parser reads it with no warning');
    assert.deepEqual(squash(ours.titles), headings);
    assert.deepEqual(ours.links, links);
    assert.ok(!text.includes('\u0007') && !text.includes('\uFFFE'), 'no characters XML forbids, as in the other outputs');
  });

  it('opml.xml reads back to the same subscription list', async () => {
    const opml = parseOpml(await read('opml.xml'));
    const outlines = (opml.body?.outlines ?? []).map((o) => ({ text: o.text, xmlUrl: o.xmlUrl, htmlUrl: o.htmlUrl }));
    assert.deepEqual(
      outlines,
      view.feeds.map((f) => ({ text: f.name, xmlUrl: f.url, htmlUrl: f.siteLink })),
    );
  });

  it('opml.xml and foafroll.xml are read by feedparser without complaint', async (t) => {
    const missing = feedparserMissing();
    if (missing !== undefined) return t.skip(missing);
    // feedparser reads any XML; bozo = 0 means it found the documents well-formed.
    for (const name of ['opml.xml', 'foafroll.xml']) assert.deepEqual(readWithFeedparser(await read(name)).problems.filter((p) => p.startsWith('bozo')), [], name);
  });
});
