import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ReadingListError } from '../model/index.ts';
import { guessFormat, parseReadingList } from './index.ts';

const fixture = (name: string): string => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');

describe('parseReadingList', () => {
  it('OPML: outlines with xmlUrl at any depth, named by title else text; relative URLs resolve against the list', () => {
    const { format, feeds } = parseReadingList(fixture('nested.opml'), { location: 'https://lists.example/subs.opml', base: 'https://lists.example/subs.opml' });
    assert.equal(format, 'opml');
    assert.deepEqual(feeds, [
      { url: 'https://ada.example/feed.xml', name: 'Ada Writes', siteUrl: 'https://ada.example/' },
      { url: 'https://bob.example/atom.xml', name: 'Bob & Co' },
      { url: 'https://lists.example/relative.xml', name: 'Relative' },
    ]);
  });

  it('OPML read from a file skips relative URLs (nothing to resolve them against)', () => {
    const { feeds } = parseReadingList(fixture('nested.opml'), { location: '/srv/subs.opml' });
    assert.deepEqual(feeds.map((feed) => feed.url), ['https://ada.example/feed.xml', 'https://bob.example/atom.xml']);
  });

  it("FOAF: each weblog's rss:channel or rdfs:seeAlso, named by the agent's foaf:name, else the document title", () => {
    const { format, feeds } = parseReadingList(fixture('foafroll.rdf'), { location: 'https://planet.example/foafroll.xml' });
    assert.equal(format, 'foaf');
    assert.deepEqual(feeds, [
      { url: 'https://carol.example/rss.xml', name: 'Carol', siteUrl: 'https://carol.example/' },
      { url: 'https://erin.example/feed', name: 'Erin Online', siteUrl: 'https://erin.example/' },
    ]);
  });

  it('CSV: a header row naming url and name (any case, any order), RFC 4180 quoting, blank lines and bad URLs skipped', () => {
    const { format, feeds } = parseReadingList(fixture('list.csv'), { location: '/srv/list.csv' });
    assert.equal(format, 'csv');
    assert.deepEqual(feeds, [
      { url: 'https://frank.example/feed.xml', name: 'Frank, the elder' },
      { url: 'https://gina.example/index.xml', name: 'Gina' },
      { url: 'https://q.example/feed', name: 'Quote "Q"' },
    ]);
  });

  it('a list that names no feed, or a CSV without a url column, is an error naming the list', () => {
    assert.throws(() => parseReadingList('<html><body>Server error</body></html>', { location: 'https://x.example/list.opml' }), (error: unknown) => {
      assert.ok(error instanceof ReadingListError);
      assert.match(error.message, /reading list https:\/\/x\.example\/list\.opml: no feeds found in it as opml/);
      return true;
    });
    assert.throws(() => parseReadingList('name,link\na,https://a.example/', { location: 'l.csv' }), /l\.csv: cannot read it as csv: the header row names no "url" column \(found: name, link\)/);
  });

  it('guesses the format from the extension, then the content', () => {
    assert.equal(guessFormat('https://x/list.csv?x=1', '<opml>'), 'csv');
    assert.equal(guessFormat('https://x/foafroll.xml', fixture('foafroll.rdf')), 'foaf');
    assert.equal(guessFormat('https://x/subs', fixture('nested.opml')), 'opml');
    assert.equal(guessFormat('https://x/subs', 'url,name\n'), 'csv');
  });
});
