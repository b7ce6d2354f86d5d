import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { ParseError } from '../model/index.ts';
import { parseFeed } from './index.ts';

const testdata = new URL('./testdata/', import.meta.url);
const read = (name: string): Buffer => readFileSync(new URL(name, testdata));

/** Runs `fn`, expecting a ParseError with this code, and returns it. */
function parseErrorOf(fn: () => unknown, code: string): ParseError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof ParseError, `expected ParseError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.equal(error.stage, 'parse');
    return error;
  }
  assert.fail(`expected ParseError ${code}`);
}

test('an HTML page is html-not-feed and names the feeds it advertises, absolute', () => {
  const error = parseErrorOf(() => parseFeed(read('html-page.html'), { url: 'https://www.example.com/' }), 'html-not-feed');
  assert.equal(
    error.message,
    'parse: https://www.example.com/ is a web page, not a feed; it advertises https://www.example.com/blog/feed.xml, https://www.example.com/atom.xml (use one of those URLs instead)',
  );
});

test('an HTML page advertising nothing says so', () => {
  const error = parseErrorOf(() => parseFeed('<html><body>hi</body></html>', { url: 'https://x.example/' }), 'html-not-feed');
  assert.match(error.message, /advertises no feed/);
});

test('a doctype html without an <html> tag is still a web page', () => {
  parseErrorOf(() => parseFeed('<!DOCTYPE html><title>x</title><p>y', { url: 'https://x.example/' }), 'html-not-feed');
});

test('empty and blank bodies are empty', () => {
  parseErrorOf(() => parseFeed(new Uint8Array(0), { url: 'https://x.example/f' }), 'empty');
  parseErrorOf(() => parseFeed(' \n\t ', { url: 'https://x.example/f' }), 'empty');
});

test('other roots and JSON are not-a-feed', () => {
  const error = parseErrorOf(() => parseFeed('<opml version="2.0"><body/></opml>', { url: 'https://x.example/f' }), 'not-a-feed');
  assert.match(error.message, /root element <opml>/);
  parseErrorOf(() => parseFeed('{"version": "2", "items": []}', { url: 'https://x.example/f' }), 'not-a-feed');
  parseErrorOf(() => parseFeed('{"version": ', { url: 'https://x.example/f' }), 'not-a-feed');
  parseErrorOf(() => parseFeed('just some text', { url: 'https://x.example/f' }), 'not-a-feed');
});

test('a JSON Feed 1.1 is read: items, authors inherited from the feed, attachments as enclosures', () => {
  const feed = parseFeed(
    JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'J',
      home_page_url: 'https://j.example/',
      authors: [{ name: 'Jo' }],
      items: [
        { id: 'a', url: '/a', content_text: 'x < y', date_published: '2024-01-02T03:04:05Z', attachments: [{ url: 'https://j.example/a.mp3', mime_type: 'audio/mpeg', size_in_bytes: 5 }] },
        { url: 'https://j.example/b', content_html: '<p>b</p>' },
      ],
    }),
    { url: 'https://j.example/feed.json' },
  );
  assert.equal(feed.format, 'json');
  assert.equal(feed.version, 'json11');
  assert.equal(feed.title, 'J');
  assert.deepEqual(feed.entries.map((entry) => [entry.id, entry.link, entry.content]), [
    ['a', 'https://j.example/a', 'x &lt; y'],
    ['https://j.example/b', 'https://j.example/b', '<p>b</p>'],
  ]);
  assert.equal(feed.entries[0]?.published?.toISOString(), '2024-01-02T03:04:05.000Z');
  assert.deepEqual(feed.entries[1]?.author, { name: 'Jo' });
  assert.deepEqual(feed.entries[0]?.links?.find((link) => link.rel === 'enclosure'), { rel: 'enclosure', href: 'https://j.example/a.mp3', type: 'audio/mpeg', length: '5' });
});

test('the format comes from the root element, not the Content-Type', () => {
  const feed = parseFeed('<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title></feed>', {
    url: 'https://x.example/f',
    contentType: 'application/rss+xml',
  });
  assert.equal(feed.format, 'atom');
});

test('billion laughs and external entities: nothing expanded, nothing read, no hang', () => {
  const started = process.hrtime.bigint();
  const feed = parseFeed(read('billion-laughs.xml'), { url: 'https://x.example/f' });
  assert.ok(process.hrtime.bigint() - started < 2_000_000_000n, 'took over 2 s');
  assert.equal(feed.title, 'Laughs &lol9;');
  assert.equal(feed.entries[0]?.title, 'Secret: &xxe;');
  assert.equal(feed.entries[0]?.summary, '&lol9;');
  assert.ok(feed.warnings.some((warning) => warning.includes('not expanded')));
});

test('bare & and HTML entities are recovered from, with warnings', () => {
  const feed = parseFeed(read('broken.xml'), { url: 'https://broken.example/feed' });
  // &nbsp; decodes to U+00A0, which title whitespace folding turns into a plain space.
  assert.equal(feed.title, 'Tom & Jerry Weekly \u00e9dition');
  assert.deepEqual(feed.entries.map((entry) => entry.id), ['a', 'b']);
  assert.equal(feed.entries[0]?.title, 'Fish & chips\u2026');
  assert.equal(feed.entries[0]?.summary, 'Caf\u00e9 \u00a9 2024 <b>bold</b>');
  assert.ok(feed.warnings.some((warning) => warning.includes('unescaped "&"')), feed.warnings.join('\n'));
  assert.ok(feed.warnings.some((warning) => warning.includes('&nbsp;')), feed.warnings.join('\n'));
});

test('control characters are removed with a warning', () => {
  const feed = parseFeed(read('control-chars.xml'), { url: 'https://x.example/f' });
  assert.equal(feed.title, 'Ctl chars');
  assert.equal(feed.entries[0]?.title, 'ok');
  assert.ok(feed.warnings.some((warning) => warning.includes('control characters')));
});

test('a document truncated inside an entry returns the complete entries and warns', () => {
  const atom = parseFeed(read('truncated.xml'), { url: 'https://x.example/f' });
  assert.deepEqual(atom.entries.map((entry) => entry.id), ['one', 'two']);
  assert.ok(atom.warnings.some((warning) => warning.includes('truncated')), atom.warnings.join('\n'));
  const rss = parseFeed(read('truncated-rss.xml'), { url: 'https://x.example/f' });
  assert.deepEqual(rss.entries.map((entry) => entry.title), ['One']);
  assert.ok(rss.warnings.some((warning) => warning.includes('dropped 1 incomplete <item>')), rss.warnings.join('\n'));
});

test('a well-formed document has no warnings', () => {
  assert.deepEqual(parseFeed('<rss><channel><title>ok</title><item><guid>1</guid></item></channel></rss>', { url: 'https://x.example/f' }).warnings, []);
});

test('a relative or bogus document URL leaves relative links unresolved instead of throwing', () => {
  const feed = parseFeed('<rss><channel><link>/home</link><item><guid>1</guid><link>/p</link></item></channel></rss>', { url: 'not a url' });
  assert.equal(feed.link, undefined);
  assert.equal(feed.entries[0]?.link, undefined);
  assert.equal(feed.entries[0]?.baseUrl, undefined);
});

// ../shared sits beside the checkout, on developer machines and in CI alike.
const shared = fileURLToPath(new URL('../../../shared/corpus/realworld/', import.meta.url));
const golden = join(shared, 'feedparser-golden.jsonl');

test(
  'real-world corpus: every feed document feedparser reads parses without throwing, with its entries',
  { skip: !existsSync(golden) && 'the shared real-world corpus is not beside this checkout' },
  () => {
    const cases = readFileSync(golden, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { path: string; kind: string; entries: number });
    const feeds = cases.filter((c) => c.kind !== 'other');
    assert.ok(feeds.length > 300, `only ${feeds.length} feed documents listed`);
    const short: string[] = [];
    for (const c of feeds) {
      const body = readFileSync(join(shared, '..', '..', c.path));
      try {
        const parsed = parseFeed(body, { url: 'https://sample.example/feed' });
        if (parsed.entries.length < c.entries) short.push(`${c.path}: ${parsed.entries.length} of ${c.entries} entries`);
      } catch (error) {
        // A ParseError is a verdict on the document; anything else is a crash and fails the test.
        if (!(error instanceof ParseError)) throw error;
        short.push(`${c.path}: ${error.message}`);
      }
    }
    // feedparser's entry counts are the bar; the few documents that still differ are issue 3's to close.
    assert.ok(short.length <= feeds.length * 0.01, `${short.length} of ${feeds.length} documents:\n${short.join('\n')}`);
  },
);
