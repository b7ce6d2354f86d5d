import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSiteView } from './index.ts';
import { sampleEntries, sampleFeeds, sampleNow, samplePlanet } from './testdata/sample.ts';

const view = buildSiteView({ planet: samplePlanet, feeds: sampleFeeds, entries: sampleEntries, now: sampleNow });

describe('buildSiteView', () => {
  it('keeps entries newest first and skips those whose feed is not listed', () => {
    assert.deepEqual(
      view.entries.map((e) => e.id),
      ['tag:beta.example,2026:1', 'https://alpha.example/2', 'urn:charlie:4', 'tag:beta.example,2026:0'],
    );
  });

  it('groups entries by UTC day, newest day first', () => {
    assert.deepEqual(
      view.days.map((d) => [d.date, d.label, d.entries.map((e) => e.id)]),
      [
        ['2026-11-30', 'Monday, 30 November 2026', ['tag:beta.example,2026:1', 'https://alpha.example/2']],
        ['2026-11-29', 'Sunday, 29 November 2026', ['urn:charlie:4']],
        ['2026-11-27', 'Friday, 27 November 2026', ['tag:beta.example,2026:0']],
      ],
    );
  });

  it('heads an entry "Source: Title", or "Source" alone when it has no title', () => {
    assert.equal(view.entries[0]?.heading, 'beta blog: <script>alert(1)</script> & co');
    assert.equal(view.entries[1]?.heading, 'Alpha');
    assert.equal(view.entries[1]?.title, undefined);
  });

  it('treats a blank title as no title', () => {
    const blank = buildSiteView({
      planet: samplePlanet,
      feeds: sampleFeeds,
      entries: [{ ...sampleEntries[0]!, title: '  \n ' }],
      now: sampleNow,
    });
    assert.equal(blank.entries[0]?.heading, 'beta blog');
  });

  it('sorts feeds by name, ignoring case', () => {
    assert.deepEqual(
      view.feeds.map((f) => f.name),
      ['Alpha', 'beta blog', 'Charlie <Chaos>'],
    );
  });

  it('sorts numbers in names by value, and accented letters with their base letter', () => {
    const names = ['Planet 10', 'planet 9', 'Zoe', 'Émile', 'Planet 100', 'Eve'];
    const feeds = names.map((name, i) => ({ ...sampleFeeds[0]!, id: 100 + i, name, url: `https://f${i}.example/feed` }));
    const sorted = buildSiteView({ planet: samplePlanet, feeds, entries: [], now: sampleNow }).feeds.map((f) => f.name);
    assert.deepEqual(sorted, ['Émile', 'Eve', 'planet 9', 'Planet 10', 'Planet 100', 'Zoe']);
  });

  it('marks failing feeds and falls back to the name as title', () => {
    const [alpha, beta, charlie] = view.feeds;
    assert.equal(alpha?.ok, false);
    assert.deepEqual(alpha?.error, { code: 'timeout', message: 'fetch: https://alpha.example/atom.xml timed out after 20 s' });
    assert.equal(beta?.ok, true);
    assert.equal(beta?.error, undefined);
    assert.equal(beta?.title, "Beta's Blog");
    assert.equal(charlie?.title, 'Charlie <Chaos>');
    assert.equal(charlie?.siteLink, undefined);
  });

  it('uses content, else summary, and links each entry to its feed view', () => {
    assert.equal(view.entries[0]?.content, '<p>Hello <em>world</em> &amp; all</p>');
    assert.equal(view.entries[1]?.content, '<p>Summary only</p>');
    assert.equal(view.entries[3]?.content, '');
    assert.equal(view.entries[0]?.author, 'Bea');
    assert.equal(view.entries[0]?.source, view.feeds[1]);
  });

  it('drops characters XML forbids from feed text', () => {
    assert.equal(view.entries[2]?.title, 'Bell and  and lone  surrogate');
    assert.equal(view.entries[2]?.heading, 'Charlie <Chaos>: Bell and  and lone  surrogate');
  });

  it('drops links that are not http(s)', () => {
    assert.equal(view.entries[2]?.link, undefined);
    assert.equal(view.entries[0]?.link, 'https://beta.example/posts/1');
  });

  it('formats dates in UTC and exposes only public planet settings', () => {
    assert.deepEqual(view.generatedAt, {
      iso: '2026-11-30T15:04:05Z',
      rfc822: 'Mon, 30 Nov 2026 15:04:05 +0000',
      display: '30 November 2026 15:04 UTC',
      time: '15:04',
    });
    assert.equal(view.updatedAt.iso, '2026-11-30T15:01:00Z', 'the newest fetch of any feed');
    assert.equal(view.entries[0]?.date.display, '30 November 2026 14:05 UTC');
    assert.deepEqual(Object.keys(view.planet).sort(), ['description', 'frameSources', 'generator', 'link', 'locale', 'name', 'ownerEmail', 'ownerName', 'timezone']);
  });

  it('links the outputs under the planet link, with or without a trailing slash', () => {
    assert.deepEqual(view.links, {
      home: 'https://planet.example.org/',
      atom: 'https://planet.example.org/atom.xml',
      rss: 'https://planet.example.org/rss20.xml',
      rss10: 'https://planet.example.org/rss10.xml',
      json: 'https://planet.example.org/feed.json',
      opml: 'https://planet.example.org/opml.xml',
      foaf: 'https://planet.example.org/foafroll.xml',
      titlesOnly: 'https://planet.example.org/titles-only.html',
      summary: 'https://planet.example.org/summary.html',
    });
    const nested = buildSiteView({
      planet: { ...samplePlanet, link: 'https://example.org/planet' },
      feeds: [],
      entries: [],
      now: sampleNow,
    });
    assert.equal(nested.links.atom, 'https://example.org/planet/atom.xml');
  });

  it('carries at most itemsPerPage entries, counting only those shown', () => {
    const short = buildSiteView({
      planet: { ...samplePlanet, itemsPerPage: 2 },
      feeds: sampleFeeds,
      entries: sampleEntries,
      now: sampleNow,
    });
    assert.deepEqual(
      short.entries.map((e) => e.id),
      ['tag:beta.example,2026:1', 'https://alpha.example/2'],
    );
    assert.equal(short.days.length, 1);
  });

  it('gives feeds their avatar only as a local file of the site, never a remote URL', () => {
    const withAvatars = buildSiteView({
      planet: samplePlanet,
      feeds: sampleFeeds,
      entries: [],
      now: sampleNow,
      avatars: {
        'https://beta.example/feed.xml': 'avatars/0123456789abcdef0123.png',
        'https://alpha.example/atom.xml': 'https://alpha.example/me.png',
        'https://charlie.example/rss?a=1&b=2': 'avatars/../../etc/passwd.png',
      },
    });
    assert.deepEqual(
      withAvatars.feeds.map((f) => f.avatar),
      [undefined, 'avatars/0123456789abcdef0123.png', undefined],
    );
  });

  it('marks a feed stale when it has not been fetched successfully for a week', () => {
    assert.deepEqual(
      view.feeds.map((f) => f.health),
      ['failing', 'ok', 'stale'],
    );
  });

  it('orders entries itself and leaves its input untouched', () => {
    const reversed = [...sampleEntries].reverse();
    const snapshot = reversed.map((e) => e.id);
    const fromReversed = buildSiteView({ planet: samplePlanet, feeds: sampleFeeds, entries: reversed, now: sampleNow });
    assert.deepEqual(
      fromReversed.entries.map((e) => e.id),
      view.entries.map((e) => e.id),
    );
    assert.deepEqual(
      reversed.map((e) => e.id),
      snapshot,
    );
  });
});
