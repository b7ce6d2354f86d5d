import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFeed } from '../parse/index.ts';
import { sanitizeEntry } from './sanitize-entry.ts';

const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:f</id>
<entry><id>urn:e</id><title type="html">&lt;img src=x onerror=alert(1)&gt;Hi</title>
<summary type="html">&lt;script&gt;alert(2)&lt;/script&gt;sum</summary>
<content type="html">&lt;a href="javascript:alert(3)"&gt;x&lt;/a&gt;&lt;img src="pic.png"&gt;</content>
<rights type="html">&lt;script&gt;alert(4)&lt;/script&gt;</rights></entry></feed>`;

test('a sanitized entry carries no HTML that skipped the sanitizer', () => {
  const [entry] = parseFeed(atom, { url: 'https://blog.example/feed.atom' }).entries;
  assert.ok(entry);
  const safe = sanitizeEntry(entry, 'https://blog.example/feed.atom', undefined);
  // Whatever fields the parser adds, nothing in the sanitized entry may still hold the payloads.
  assert.doesNotMatch(JSON.stringify(safe), /onerror|<script|javascript:/);
  assert.equal(safe.content, '<a rel="noopener noreferrer">x</a><img src="https://blog.example/pic.png" loading="lazy" decoding="async">');
  assert.match(safe.summary ?? '', /^sum$/);
});
