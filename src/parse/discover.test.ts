import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { discoverFeeds } from './discover.ts';

const read = (name: string): string => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');

test('lists every feed link of the head, absolute, in document order, each once', () => {
  assert.deepEqual(discoverFeeds(read('discover-page.html'), 'https://ada.example.org/blog/post.html'), [
    { url: 'https://ada.example.org/atom.xml', title: 'Posts (Atom)', type: 'application/atom+xml' },
    { url: 'https://ada.example.org/blog/feed/', title: 'Posts & notes (RSS)', type: 'application/rss+xml' },
    { url: 'https://ada.example.org/feed.json', title: 'JSON Feed', type: 'application/feed+json' },
    { url: 'https://ada.example.org/everything.xml', type: '' },
    { url: 'https://ada.example.org/comments/feed/', title: 'Comments', type: 'application/rss+xml' },
    { url: 'https://ada.example.org/index.rdf', title: 'RSS 1.0', type: 'application/rdf+xml' },
  ]);
});

test('resolves against <base href>, itself resolved against the page', () => {
  const html = '<head><base href="/news/"><link rel="alternate" type="application/rss+xml" href="rss.xml"></head>';
  assert.deepEqual(discoverFeeds(html, 'https://x.example/a/b'), [{ url: 'https://x.example/news/rss.xml', type: 'application/rss+xml' }]);
});

test('a page without feed links, or not HTML at all, advertises nothing', () => {
  assert.deepEqual(discoverFeeds('<html><head><title>x</title></head><body><a href="/feed">feed</a></body></html>', 'https://x.example/'), []);
  assert.deepEqual(discoverFeeds('', 'https://x.example/'), []);
  assert.deepEqual(discoverFeeds('{"not": "html"}', 'https://x.example/'), []);
});
