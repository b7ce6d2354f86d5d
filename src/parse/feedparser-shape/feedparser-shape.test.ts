import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseFeed } from '../parse-feed.ts';
import { cleanHtml } from './html-clean.ts';
import { looksLikeHtml } from './looks-like-html.ts';
import { toFeedparserResult } from './project.ts';
import { joinUrl, safeAbsoluteUrl } from './uri.ts';

const vectorsPath = fileURLToPath(new URL('../../../../shared/conformance/feedparser/unit-vectors.json', import.meta.url));
const skip = !existsSync(vectorsPath) && 'the shared conformance suite is not beside this checkout';
const vectors = (): Record<string, { input?: string; base?: string; uri?: string; expected?: unknown; looks_like_html?: boolean }[]> =>
  JSON.parse(readFileSync(vectorsPath, 'utf8'));

test('safe absolute URIs: feedparser unit vectors', { skip }, () => {
  for (const vector of vectors().safe_uri ?? []) {
    assert.equal(safeAbsoluteUrl(vector.base ?? '', vector.uri ?? ''), vector.expected, JSON.stringify(vector));
  }
});

test('HTML guessing: feedparser unit vectors', { skip }, () => {
  for (const vector of vectors().html_guessing ?? []) assert.equal(looksLikeHtml(vector.input ?? ''), vector.looks_like_html, vector.input);
});

test('references resolve as RFC 3986 says, without URL normalisation', () => {
  assert.equal(joinUrl('http://a.example/b/c/d', '../e?x#y'), 'http://a.example/b/e?x#y');
  assert.equal(joinUrl('http://a.example', 'p'), 'http://a.example/p');
  assert.equal(joinUrl('', 'rel/only'), 'rel/only');
  assert.equal(joinUrl('http://a.example/x', 'HTTP://B.example'), 'http://B.example');
});

test('the sanitizer keeps what feedparser keeps and writes it as feedparser writes it', () => {
  const clean = (html: string): string => cleanHtml(html, { base: 'http://a.example/dir/', sanitize: true });
  assert.equal(clean('<p onclick="x()" class=c>hi<script>alert(1)</script></p>'), '<p class="c">hi</p>');
  assert.equal(clean('<IMG SRC="i.png" ALT=x><br/>'), '<img alt="x" src="http://a.example/dir/i.png" /><br />');
  assert.equal(clean('<a href="javascript:alert(1)">x</a>'), '<a href="">x</a>');
  assert.equal(clean('<span style="color: red; position: absolute">x</span>'), '<span style="color: red;">x</span>');
  assert.equal(clean('AT&T &copy; &bogus; &#146;'), 'AT&amp;T &copy; &amp;bogus &#x2019;');
  assert.equal(clean('<svg><circle r="1" onload="x"/></svg>'), '<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"></svg>');
});

test('the projection carries feedparser keys: version, details, links, enclosures, tags, guidislink', () => {
  const body = `<rss version="2.0"><channel><title>T</title><item><title>A &amp;amp; B</title><guid>http://x.example/1</guid>
    <enclosure url="http://x.example/a.mp3" length="5" type="audio/mpeg"/><category domain="d">c</category></item></channel></rss>`;
  const result = toFeedparserResult(parseFeed(body, { url: '' }));
  assert.equal(result.version, 'rss20');
  assert.equal(result.bozo, false);
  const entry = result.entries[0] ?? {};
  assert.deepEqual(entry.title_detail, { type: 'text/html', language: null, base: '', value: 'A &amp; B' });
  assert.equal(entry.link, 'http://x.example/1');
  assert.equal(entry.guidislink, true);
  assert.deepEqual(entry.enclosures, [{ length: '5', type: 'audio/mpeg', href: 'http://x.example/a.mp3' }]);
  assert.deepEqual(entry.tags, [{ term: 'c', scheme: 'd', label: null }]);
});
