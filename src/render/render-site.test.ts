import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DomUtils, parseDocument } from 'htmlparser2';
import { buildSiteView, renderSite } from './index.ts';
import { sampleEntries, sampleFeeds, sampleNow, samplePlanet } from './testdata/sample.ts';
import { wellFormednessProblems } from './xml-well-formed.test-helper.ts';

type Element = ReturnType<typeof DomUtils.getElementsByTagName>[number];

const defaultTheme = fileURLToPath(new URL('../../themes/default/', import.meta.url));
const view = buildSiteView({ planet: samplePlanet, feeds: sampleFeeds, entries: sampleEntries, now: sampleNow });

let outDir: string;
let written: string[];
const read = (name: string): Promise<string> => readFile(join(outDir, name), 'utf8');

/** Parses XML back into elements; only after wellFormednessProblems said it is well-formed. */
async function readXml(name: string): Promise<Element[]> {
  const xml = await read(name);
  assert.deepEqual(wellFormednessProblems(xml), [], `${name} is not well-formed`);
  assert.ok(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>'), `${name} starts with its XML declaration`);
  return parseDocument(xml, { xmlMode: true }).children.filter((n): n is Element => n.type === 'tag');
}

const all = (root: Element[] | Element, tag: string): Element[] => DomUtils.getElementsByTagName(tag, root);
const text = (root: Element, tag: string): string | undefined => {
  const found = all(root, tag)[0];
  return found === undefined ? undefined : DomUtils.textContent(found);
};
const attr = (el: Element | undefined, name: string): string | undefined => el?.attribs[name];

before(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'planet-render-'));
  written = await renderSite(view, { themeDir: defaultTheme, outDir });
});
after(() => rm(outDir, { recursive: true, force: true }));

describe('renderSite with the default theme', () => {
  it('writes every template output and the stylesheet, and says so', async () => {
    assert.deepEqual(written, [
      'index.html',
      'titles-only.html',
      'summary.html',
      'atom.xml',
      'rss20.xml',
      'rss10.xml',
      'feed.json',
      'opml.xml',
      'foafroll.xml',
      'archive/2026/11/index.html',
      'feeds/alpha/index.html',
      'feeds/beta-blog/index.html',
      'feeds/charlie-chaos/index.html',
      'assets/favicon.svg',
      'assets/style.css',
    ]);
    assert.deepEqual((await readdir(outDir)).sort(), [
      'archive',
      'assets',
      'atom.xml',
      'feed.json',
      'feeds',
      'foafroll.xml',
      'index.html',
      'opml.xml',
      'rss10.xml',
      'rss20.xml',
      'summary.html',
      'titles-only.html',
    ]);
    assert.match(await read('assets/style.css'), /prefers-color-scheme: dark/);
  });

  it('writes the river: day headings and entry headings in order', async () => {
    const doc = parseDocument(await read('index.html'));
    const headings = DomUtils.findAll((el) => el.name === 'h2' || el.name === 'h3', doc.children)
      .filter((el) => isInside(el, 'main'))
      .map((el) => `${el.name} ${DomUtils.textContent(el).trim()}`);
    assert.deepEqual(headings, [
      'h2 Monday, 30 November 2026',
      'h3 beta blog: <script>alert(1)</script> & co',
      'h3 Alpha',
      'h2 Sunday, 29 November 2026',
      'h3 Charlie <Chaos>: Bell and  and lone  surrogate',
      'h2 Friday, 27 November 2026',
      'h3 beta blog: Older',
    ]);
  });

  it('escapes plain text and keeps sanitized content as HTML', async () => {
    const html = await read('index.html');
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co'));
    const doc = parseDocument(html);
    assert.equal(DomUtils.getElementsByTagName('script', doc).length, 0, 'no script element at all');
    assert.ok(html.includes('<p>Hello <em>world</em> &amp; all</p>'));
    assert.ok(!html.includes('javascript:'), 'a javascript: link never reaches an href');
  });

  it('links each entry heading to the site and the post, with a dated permalink', async () => {
    const doc = parseDocument(await read('index.html'));
    const first = DomUtils.getElementsByTagName('article', doc)[0];
    assert.ok(first);
    const links = DomUtils.getElementsByTagName('a', first).map((a) => attr(a, 'href'));
    assert.deepEqual(links, ['https://beta.example/', 'https://beta.example/posts/1', 'https://beta.example/posts/1']);
    const time = DomUtils.getElementsByTagName('time', first)[0];
    assert.equal(attr(time, 'datetime'), '2026-11-30T14:05:00Z');
    assert.match(DomUtils.textContent(first), /by Bea/);
  });

  it('has a head with lang, charset, viewport, CSP and alternate feed links', async () => {
    const doc = parseDocument(await read('index.html'));
    assert.equal(attr(DomUtils.getElementsByTagName('html', doc)[0], 'lang'), 'en');
    const metas = DomUtils.getElementsByTagName('meta', doc);
    assert.ok(metas.some((m) => attr(m, 'charset') === 'utf-8'));
    assert.ok(metas.some((m) => attr(m, 'name') === 'viewport'));
    const csp = metas.find((m) => attr(m, 'http-equiv') === 'Content-Security-Policy');
    assert.match(attr(csp, 'content') ?? '', /script-src 'none'/);
    const alternates = DomUtils.getElementsByTagName('link', doc)
      .filter((l) => attr(l, 'rel') === 'alternate')
      .map((l) => [attr(l, 'type'), attr(l, 'href')]);
    assert.deepEqual(alternates, [
      ['application/atom+xml', 'https://planet.example.org/atom.xml'],
      ['application/rss+xml', 'https://planet.example.org/rss20.xml'],
      ['application/rdf+xml', 'https://planet.example.org/rss10.xml'],
      ['application/feed+json', 'https://planet.example.org/feed.json'],
      ['text/x-opml', 'https://planet.example.org/opml.xml'],
    ]);
  });

  it('lists subscriptions in the sidebar with site, feed and page links and a health marker', async () => {
    const doc = parseDocument(await read('index.html'));
    const items = DomUtils.getElementsByTagName('li', doc).filter((li) => attr(li, 'class')?.startsWith('feed'));
    assert.deepEqual(
      items.map((li) => [attr(li, 'class'), DomUtils.getElementsByTagName('a', li).map((a) => attr(a, 'href'))]),
      [
        ['feed feed-failing', ['https://alpha.example/', 'https://alpha.example/atom.xml', 'feeds/alpha/']],
        ['feed feed-ok', ['https://beta.example/', 'https://beta.example/feed.xml', 'feeds/beta-blog/']],
        ['feed feed-stale', ['https://charlie.example/rss?a=1&b=2', 'feeds/charlie-chaos/']],
      ],
    );
    const markers = DomUtils.getElementsByTagName('span', doc).filter((s) => attr(s, 'class')?.startsWith('health'));
    assert.deepEqual(
      markers.map((s) => DomUtils.textContent(s)),
      ['failing', 'ok', 'stale'],
    );
    const footer = DomUtils.findOne((el) => attr(el, 'class') === 'site-footer', doc.children);
    assert.match(footer === null ? '' : DomUtils.textContent(footer), /Last updated\s+30 November 2026 15:01 UTC/);
  });

  it('writes a well-formed Atom feed carrying the entries in order', async () => {
    const [feed] = await readXml('atom.xml');
    assert.equal(feed?.name, 'feed');
    assert.equal(attr(feed, 'xmlns'), 'http://www.w3.org/2005/Atom');
    const entries = all(feed!, 'entry');
    assert.deepEqual(
      entries.map((e) => [text(e, 'id'), text(e, 'title'), text(e, 'updated')]),
      [
        ['tag:beta.example,2026:1', '<script>alert(1)</script> & co', '2026-11-30T14:05:00Z'],
        ['https://alpha.example/2', 'Alpha', '2026-11-30T00:00:00Z'],
        ['urn:charlie:4', 'Bell and  and lone  surrogate', '2026-11-29T23:59:59Z'],
        ['tag:beta.example,2026:0', 'Older', '2026-11-27T08:00:00Z'],
      ],
    );
    const first = entries[0]!;
    assert.equal(attr(all(first, 'content')[0], 'type'), 'html');
    assert.equal(text(first, 'content'), '<p>Hello <em>world</em> &amp; all</p>');
    const sources = entries.map((e) => all(e, 'source'));
    assert.ok(sources.every((s) => s.length === 1), 'one atom:source per entry');
    assert.deepEqual(
      sources.map(([s]) => text(s!, 'title')),
      ['beta blog', 'Alpha', 'Charlie <Chaos>', 'beta blog'],
    );
  });

  it('writes a well-formed RSS 2.0 feed with "Source: Title" items', async () => {
    const [rss] = await readXml('rss20.xml');
    assert.equal(attr(rss, 'version'), '2.0');
    const items = all(rss!, 'item');
    assert.deepEqual(
      items.map((i) => [text(i, 'title'), attr(all(i, 'guid')[0], 'isPermaLink'), text(i, 'pubDate')]),
      [
        ['beta blog: <script>alert(1)</script> & co', 'false', 'Mon, 30 Nov 2026 14:05:00 +0000'],
        ['Alpha', 'true', 'Mon, 30 Nov 2026 00:00:00 +0000'],
        ['Charlie <Chaos>: Bell and  and lone  surrogate', 'false', 'Sun, 29 Nov 2026 23:59:59 +0000'],
        ['beta blog: Older', 'false', 'Fri, 27 Nov 2026 08:00:00 +0000'],
      ],
    );
    assert.equal(text(items[0]!, 'description'), '<p>Hello <em>world</em> &amp; all</p>');
    assert.equal(text(items[1]!, 'description'), '<p>Summary only</p>');
  });

  it('writes a well-formed OPML 2.0 subscription list', async () => {
    const [opml] = await readXml('opml.xml');
    assert.equal(attr(opml, 'version'), '2.0');
    assert.deepEqual(
      all(opml!, 'outline').map((o) => [o.attribs.type, o.attribs.text, o.attribs.title, o.attribs.xmlUrl, o.attribs.htmlUrl]),
      [
        ['rss', 'Alpha', 'Alpha', 'https://alpha.example/atom.xml', 'https://alpha.example/'],
        ['rss', 'beta blog', "Beta's Blog", 'https://beta.example/feed.xml', 'https://beta.example/'],
        ['rss', 'Charlie <Chaos>', 'Charlie <Chaos>', 'https://charlie.example/rss?a=1&b=2', undefined],
      ],
    );
  });

  it('keeps characters XML forbids out of every XML output, whatever the view holds', async () => {
    // Built by hand so the xmltext filter, not buildSiteView's cleaning, is what is tested.
    const dirty = {
      ...view,
      planet: { ...view.planet, name: 'Planet\u0001' },
      entries: view.entries.map((e) => ({ ...e, heading: `${e.heading}\u0007`, author: 'A\u0000\uD800', id: `${e.id}\uFFFE` })),
      feeds: view.feeds.map((f) => ({ ...f, name: `${f.name}\u001B`, title: `${f.title}\uFFFF` })),
    };
    const dirtyDir = join(outDir, 'dirty');
    await renderSite(dirty, { themeDir: defaultTheme, outDir: dirtyDir });
    for (const name of ['atom.xml', 'rss20.xml', 'opml.xml']) {
      const xml = await readFile(join(dirtyDir, name), 'utf8');
      // The checker rejects every character XML 1.0 forbids; a lone surrogate would have been
      // written to the file as U+FFFD.
      assert.deepEqual(wellFormednessProblems(xml), [], name);
      assert.ok(!xml.includes('\uFFFD'), `${name} holds no replaced lone surrogate`);
    }
    const rss = await readFile(join(dirtyDir, 'rss20.xml'), 'utf8');
    assert.ok(rss.includes('<title>beta blog: &lt;script&gt;alert(1)&lt;/script&gt; &amp; co</title>'));
    assert.ok(rss.includes('<dc:creator>A</dc:creator>'));
  });
});

function isInside(el: Element, tag: string): boolean {
  for (let p = el.parent; p !== null; p = p.parent) if ('name' in p && p.name === tag) return true;
  return false;
}

describe('renderSite output directory', () => {
  it('creates the output directory when it does not exist', async () => {
    const fresh = join(outDir, 'deeper', 'site');
    const paths = await renderSite(view, { themeDir: defaultTheme, outDir: fresh });
    assert.ok(paths.every((p) => existsSync(join(fresh, p))));
  });
});
