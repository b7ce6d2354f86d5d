import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Entry, FeedConfig, FilterSettings } from '../model/index.ts';
import { FilterError } from '../model/index.ts';
import { applyFilters, htmlText, venusExcerpt } from './index.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`./testdata/${name}`, import.meta.url));
const feed = (filters?: FilterSettings): FeedConfig => ({ url: 'http://blog.test/feed', name: 'Blog', ...(filters && { filters }) });

const entries: Entry[] = [
  { id: 'a', title: 'Python 3.14 is out', content: '<p>Release notes.</p>', categories: [{ term: 'python' }, { term: 'release' }] },
  { id: 'b', title: 'Gardening', content: '<p>Tomatoes and <b>PYTHONS</b> in the yard</p>', categories: [{ term: 'garden', label: 'Garden' }] },
  { id: 'c', title: 'Rust notes', content: '<p>Borrowing <img src="x.png" alt="python logo"></p>', categories: [{ term: 'misc', label: 'Python' }] },
  { id: 'd', title: 'Untagged', content: '<p>No categories at all</p>' },
  { id: 'e', title: 'Spam &amp; eggs', summary: '<p>Buy now</p>', categories: [{ term: 'Spam' }] },
];
const ids = (list: readonly Entry[]): string[] => list.map((entry) => entry.id);

describe('applyFilters', () => {
  const cases: { name: string; planet: FilterSettings; own?: FilterSettings; kept: string[] }[] = [
    { name: 'no filters keep everything', planet: {}, kept: ['a', 'b', 'c', 'd', 'e'] },
    { name: 'filter matches title or content text, case-insensitively (alt text counts)', planet: { filter: 'python' }, kept: ['a', 'b', 'c'] },
    { name: 'filter does not match markup', planet: { filter: '<b>' }, kept: [] },
    { name: 'exclude drops matches', planet: { exclude: 'spam|tomato' }, kept: ['a', 'c', 'd'] },
    { name: 'include_tags matches terms and labels without case; no categories is dropped', planet: { includeTags: ['PYTHON'] }, kept: ['a', 'c'] },
    { name: 'exclude_tags drops any listed category', planet: { excludeTags: ['garden', 'spam'] }, kept: ['a', 'c', 'd'] },
    { name: 'planet-wide and per-feed filters both apply', planet: { filter: 'python' }, own: { excludeTags: ['release'] }, kept: ['b', 'c'] },
    { name: 'a per-feed exclude adds to a planet-wide one', planet: { exclude: 'spam' }, own: { exclude: 'rust' }, kept: ['a', 'b', 'd'] },
  ];
  for (const { name, planet, own, kept } of cases) {
    it(name, async () => {
      const result = await applyFilters(entries, planet, { feed: feed(own) });
      assert.deepEqual(ids(result.kept), kept);
      assert.deepEqual(ids(result.dropped.map((d) => d.entry)).sort(), ids(entries).filter((id) => !kept.includes(id)).sort());
    });
  }

  it('says why an entry was dropped, naming the filter and where it is set', async () => {
    const { dropped } = await applyFilters(entries, {}, { feed: feed({ includeTags: ['python'] }) });
    const reasons = Object.fromEntries(dropped.map(({ entry, reason }) => [entry.id, reason]));
    assert.match(reasons.d ?? '', /include_tags python \(\[\[feeds\]\] http:\/\/blog\.test\/feed\): it has no categories/);
    assert.match(reasons.b ?? '', /its categories are garden/);
  });

  it('runs plugins after the other filters; a plugin may change or drop an entry', async () => {
    const result = await applyFilters(entries, { plugins: [fixture('python-only.ts')] }, { feed: feed({ exclude: 'rust' }) });
    assert.deepEqual(result.kept.map((e) => e.title), ['Python 3.14 is out [Blog]', 'Gardening [Blog]']);
    assert.match(result.dropped.find((d) => d.entry.id === 'd')?.reason ?? '', /plugin .*python-only\.ts \(\[filters\]\) dropped it/);
    assert.equal(entries[0]?.title, 'Python 3.14 is out', 'the input entry is not changed');
  });

  for (const [file, message] of [
    ['throws.ts', /plugin .*throws\.ts threw on entry a of feed http:\/\/blog\.test\/feed: plugin exploded/],
    ['no-export.ts', /plugin .*no-export\.ts \(feed http:\/\/blog\.test\/feed\): exports no filterEntry function/],
    ['returns-nothing.ts', /returned nothing for entry a .*return the entry/],
    ['missing.ts', /plugin .*missing\.ts \(feed http:\/\/blog\.test\/feed\): cannot be loaded/],
  ] as const) {
    it(`a failing plugin (${file}) throws a FilterError naming the file and the feed`, async () => {
      await assert.rejects(applyFilters(entries, { plugins: [fixture(file)] }, { feed: feed() }), (error: unknown) => {
        assert.ok(error instanceof FilterError);
        assert.equal(error.code, 'filter-plugin');
        assert.match(error.message, message);
        return true;
      });
    });
  }

  it('excerpt stores an excerpt of the summary (else the content) as the summary and keeps the content whole', async () => {
    const long: Entry = { id: 'l', title: 'Long', content: `<p>${'word '.repeat(50)}</p>` };
    const { kept } = await applyFilters([long, entries[4] as Entry], { excerpt: 20 }, { feed: feed() });
    assert.equal(kept[0]?.content, long.content);
    assert.equal(kept[0]?.summary, '<p>word word word word …</p>');
    assert.equal(kept[1]?.summary, '<p>Buy now</p>', 'a short summary fits');
    assert.equal(kept[1]?.content, '<p>Buy now</p>', 'a summary-only entry keeps its full text as content');
  });
});

describe('venusExcerpt', () => {
  const cases: [html: string, width: number, expected: string][] = [
    ['<p>one two three</p>', 13, '<p>one two three</p>'],
    ['<p>one two three</p>', 12, '<p>one two …</p>'],
    ['<p>one <b>two three</b> four</p>', 9, '<p>one <b>two …</b></p>'],
    ['<p>one</p><p>two three</p>', 8, '<p>one</p><p>two …</p>'],
    ['<p>supercalifragilistic</p>', 5, '<p>super …</p>'],
    ['<p>a  \n  b</p>', 3, '<p>a  \n  b</p>'],
    ['<ul><li>alpha beta</li><li>gamma</li></ul>', 10, '<ul><li>alpha beta</li><li> …</li></ul>'],
  ];
  for (const [html, width, expected] of cases) {
    it(`${JSON.stringify(html)} at ${width}`, () => assert.equal(venusExcerpt(html, width), expected));
  }
});

describe('htmlText', () => {
  it('decodes entities, drops tags, keeps alt and title text, separates blocks', () => {
    assert.equal(htmlText('<p>a&amp;b</p><p>c<img alt="d" title="e"></p>'), 'a&b c d e');
  });
});
