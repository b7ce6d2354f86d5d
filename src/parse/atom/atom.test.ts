import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFeed } from '../parse-feed.ts';
import { testGoldenPairs } from '../test-golden.ts';

testGoldenPairs(new URL('./testdata/', import.meta.url).pathname);

const url = 'https://a.example/feed.atom';

function atom(body: string, attrs = ''): string {
  return `<feed xmlns="http://www.w3.org/2005/Atom"${attrs}><title>T</title>${body}</feed>`;
}

test('xml:base nests from feed to entry to content, and baseUrl is the one in scope at the content', () => {
  const feed = parseFeed(
    atom(
      `<entry xml:base="posts/"><id>1</id><link href="one.html"/>
         <content type="html" xml:base="../media/">x</content></entry>
       <entry><id>2</id><link href="two.html"/><summary>y</summary></entry>`,
      ' xml:base="https://b.example/blog/"',
    ),
    { url },
  );
  const [first, second] = feed.entries;
  assert.equal(first?.link, 'https://b.example/blog/posts/one.html');
  assert.equal(first?.baseUrl, 'https://b.example/blog/media/');
  assert.equal(second?.link, 'https://b.example/blog/two.html');
  assert.equal(second?.baseUrl, 'https://b.example/blog/');
});

test('without xml:base, content is based on the document URL, not the entry link', () => {
  const feed = parseFeed(atom('<entry><id>1</id><link href="/p/1"/><content>x</content></entry><entry><id>2</id></entry>'), { url });
  assert.equal(feed.entries[0]?.baseUrl, url);
  assert.equal(feed.entries[1]?.baseUrl, url);
});

test('link choice: alternate over self, no rel means alternate, html preferred', () => {
  const feed = parseFeed(
    atom(`<entry><id>1</id><link rel="self" href="/self"/><link rel="alternate" type="application/json" href="/json"/><link rel="alternate" type="text/html" href="/html"/></entry>
          <entry><id>2</id><link rel="related" href="/rel"/><link href="/plain"/></entry>`),
    { url },
  );
  assert.deepEqual(feed.entries.map((entry) => entry.link), ['https://a.example/html', 'https://a.example/plain']);
});

test('out-of-line content falls back to the summary', () => {
  const feed = parseFeed(atom('<entry><id>1</id><content src="/x.pdf" type="application/pdf"/><summary>s</summary></entry>'), { url });
  assert.equal(feed.entries[0]?.content, undefined);
  assert.equal(feed.entries[0]?.summary, 's');
});

test('Atom 0.3: issued, modified, tagline and escaped content', () => {
  const feed = parseFeed(
    `<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title><tagline>Line</tagline>
       <entry><title>E</title><id>e1</id><issued>2004-01-01T00:00:00Z</issued><modified>2004-01-02T00:00:00Z</modified>
       <content type="text/html" mode="escaped">&lt;b&gt;hi&lt;/b&gt;</content></entry></feed>`,
    { url },
  );
  assert.equal(feed.description, 'Line');
  const entry = feed.entries[0];
  assert.equal(entry?.published?.toISOString(), '2004-01-01T00:00:00.000Z');
  assert.equal(entry?.updated?.toISOString(), '2004-01-02T00:00:00.000Z');
  assert.equal(entry?.content, '<b>hi</b>');
});

test('source authors stand in before the feed author', () => {
  const feed = parseFeed(
    atom('<author><name>Feed</name></author><entry><id>1</id><source><author><name>Origin</name></author></source></entry>'),
    { url },
  );
  assert.deepEqual(feed.entries[0]?.author, { name: 'Origin' });
});
