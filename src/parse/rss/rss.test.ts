import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFeed } from '../parse-feed.ts';
import { testGoldenPairs } from '../test-golden.ts';

testGoldenPairs(new URL('./testdata/', import.meta.url).pathname);

const url = 'https://site.example/feed.xml';

function rss(items: string, channelExtra = ''): string {
  return `<rss version="2.0"><channel><title>T</title><link>https://site.example/</link>${channelExtra}${items}</channel></rss>`;
}

test('guid is used as the link only when it is a permalink URL', () => {
  const feed = parseFeed(
    rss(`<item><guid>https://site.example/p/1</guid></item>
         <item><guid isPermaLink="false">https://site.example/p/2</guid></item>
         <item><guid>not-a-url</guid></item>`),
    { url },
  );
  assert.deepEqual(
    feed.entries.map((entry) => [entry.id, entry.link]),
    [
      ['https://site.example/p/1', 'https://site.example/p/1'],
      ['https://site.example/p/2', undefined],
      ['not-a-url', undefined],
    ],
  );
});

test('an entry without guid takes its link as id', () => {
  const feed = parseFeed(rss('<item><link>https://site.example/p/9</link></item>'), { url });
  assert.equal(feed.entries[0]?.id, 'https://site.example/p/9');
});

test('synthesized ids are stable across runs and differ by content', () => {
  const a = parseFeed(rss('<item><title>Same</title><description>one</description></item>'), { url });
  const b = parseFeed(rss('<item><title>Same</title><description>one</description></item>'), { url });
  const c = parseFeed(rss('<item><title>Same</title><description>two</description></item>'), { url });
  assert.match(a.entries[0]?.id ?? '', /^sha256:[0-9a-f]{64}$/);
  assert.equal(a.entries[0]?.id, b.entries[0]?.id);
  assert.notEqual(a.entries[0]?.id, c.entries[0]?.id);
});

test('author strings in both RSS forms and the channel fallback', () => {
  const feed = parseFeed(
    rss(
      `<item><guid>1</guid><author>ann@example.com (Ann A)</author></item>
       <item><guid>2</guid><author>Bo B &lt;bo@example.com&gt;</author></item>
       <item><guid>3</guid><author>cy@example.com</author></item>
       <item><guid>4</guid></item>`,
      '<managingEditor>ed@example.com (Ed)</managingEditor>',
    ),
    { url },
  );
  assert.deepEqual(
    feed.entries.map((entry) => entry.author),
    [{ name: 'Ann A', email: 'ann@example.com' }, { name: 'Bo B', email: 'bo@example.com' }, { email: 'cy@example.com' }, { name: 'Ed', email: 'ed@example.com' }],
  );
});

test('raw markup inside description is kept as HTML', () => {
  const feed = parseFeed(rss('<item><guid>1</guid><description>Hi <b>there</b> <br/>you</description></item>'), { url });
  assert.equal(feed.entries[0]?.summary, 'Hi <b>there</b> <br>you');
});

test('unsafe link schemes are dropped', () => {
  const feed = parseFeed(rss('<item><guid>1</guid><link>javascript:alert(1)</link></item>'), { url });
  assert.equal(feed.entries[0]?.link, undefined);
});

test('items swallowed by an unclosed element are still found', () => {
  const feed = parseFeed(rss('<itunes:category text="x"><item><guid>1</guid></item><item><guid>2</guid></item>'), { url });
  assert.deepEqual(feed.entries.map((entry) => entry.id), ['1', '2']);
  assert.ok(feed.warnings.some((warning) => warning.includes('not closed')), feed.warnings.join('\n'));
});

test('an unreadable date is left unset with a warning', () => {
  const feed = parseFeed(rss('<item><guid>1</guid><pubDate>sometime soon</pubDate></item>'), { url });
  assert.equal(feed.entries[0]?.published, undefined);
  assert.ok(feed.warnings.some((warning) => warning.includes('sometime soon')));
});
