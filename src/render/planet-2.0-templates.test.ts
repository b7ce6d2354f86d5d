// Planet 2.0's own example templates (testdata/planet-2.0/, copied unchanged) render with no edits.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DomUtils, parseDocument } from 'htmlparser2';
import { parseFeed } from '../parse/index.ts';
import { buildSiteView, renderSite } from './index.ts';
import { sampleEntries, sampleFeeds, sampleNow, samplePlanet } from './testdata/sample.ts';
import { wellFormednessProblems } from './xml-well-formed.test-helper.ts';

const defaultTheme = fileURLToPath(new URL('../../themes/default/', import.meta.url));
const templates = fileURLToPath(new URL('./testdata/planet-2.0/', import.meta.url));
const feedSettings = {
  'https://beta.example/feed.xml': { extra: { face: 'beta.png', facewidth: '65', faceheight: '85' } },
  'https://alpha.example/atom.xml': { hidden: true },
};
const view = buildSiteView({ planet: samplePlanet, feeds: sampleFeeds, entries: sampleEntries, now: sampleNow, feedSettings });

describe("Planet 2.0's example templates, unchanged", () => {
  let dir: string;
  const read = (name: string): Promise<string> => readFile(join(dir, name), 'utf8');

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'planet-2.0-'));
    const files = ['index.html.tmpl', 'rss20.xml.tmpl', 'opml.xml.tmpl', 'foafroll.xml.tmpl'].map((name) => join(templates, name));
    await renderSite(view, {
      themeDir: defaultTheme,
      outDir: dir,
      templates: {
        files,
        planet2: {
          dateFormat: '%B %d, %Y %I:%M %p',
          newDateFormat: '%B %d, %Y',
        },
      },
    });
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('index.html: a day heading per day, a channel heading with its face per run of a feed, every entry', async () => {
    const html = await read('index.html');
    const doc = parseDocument(html);
    const texts = (tag: string): string[] => DomUtils.getElementsByTagName(tag, doc).map((el) => DomUtils.textContent(el).trim());
    assert.deepEqual(texts('h2').slice(0, 3), ['November 30, 2026', 'November 29, 2026', 'November 27, 2026']);
    // The hidden feed (Alpha) has no entries in the river.
    assert.deepEqual(texts('h3'), ['beta blog', 'Charlie <Chaos>', 'beta blog']);
    const faces = DomUtils.getElementsByTagName('img', doc).filter((img) => img.attribs.class === 'face');
    assert.deepEqual(faces.map((img) => [img.attribs.src, img.attribs.width, img.attribs.height]), [
      ['images/beta.png', '65', '85'],
      ['images/beta.png', '65', '85'],
    ]);
    assert.equal(DomUtils.getElementsByTagName('script', doc).length, 0);
    assert.match(html, /by Bea at November 30, 2026 02:05 PM/);
    // ...but it is among the subscriptions, as Planet 2.0 listed hidden channels.
    const sidebar = DomUtils.findOne((el) => el.attribs.class === 'sidebar', doc.children);
    assert.ok(sidebar !== null);
    assert.deepEqual(DomUtils.getElementsByTagName('li', sidebar).slice(0, 3).map((li) => DomUtils.textContent(li)), ['Alpha (feed)', 'beta blog (feed)', 'Charlie <Chaos> (feed)']);
  });

  it('rss20.xml is well-formed RSS our parser reads back', async () => {
    const xml = await read('rss20.xml');
    assert.deepEqual(wellFormednessProblems(xml), []);
    const feed = parseFeed(xml, { url: 'https://planet.example.org/rss20.xml' });
    assert.equal(feed.title, 'Planet Test & Friends');
    // RSS titles are HTML to readers (as to Planet 2.0, whose titles were HTML): the escaped markup stays text.
    assert.match(xml, /<title>beta blog: &lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; co<\/title>/);
    assert.deepEqual(feed.entries.map((entry) => entry.title), ['beta blog: & co', 'Charlie : Bell and and lone surrogate', 'beta blog: Older']);
    assert.equal(feed.entries[0]?.summary, '<p>Hello <em>world</em> &amp; all</p>');
    assert.equal(feed.entries[0]?.published?.toISOString(), '2026-11-30T14:05:00.000Z');
  });

  it('opml.xml and foafroll.xml are well-formed and list every subscription, the hidden one too', async () => {
    for (const name of ['opml.xml', 'foafroll.xml']) assert.deepEqual(wellFormednessProblems(await read(name)), [], name);
    const outlines = DomUtils.getElementsByTagName('outline', parseDocument(await read('opml.xml'), { xmlMode: true }));
    assert.deepEqual(outlines.map((o) => [o.attribs.text, o.attribs.xmlUrl]), [
      ['Alpha', 'https://alpha.example/atom.xml'],
      ['beta blog', 'https://beta.example/feed.xml'],
      ['Charlie &lt;Chaos&gt;', 'https://charlie.example/rss?a=1&b=2'],
    ]);
    const agents = DomUtils.getElementsByTagName('foaf:name', parseDocument(await read('foafroll.xml'), { xmlMode: true }));
    assert.deepEqual(agents.map((el) => DomUtils.textContent(el)), ['Planet Test & Friends', 'Alpha', 'beta blog', 'Charlie <Chaos>']);
  });
});
