import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Entry } from '../model/index.ts';
import { applyEntryOptions } from './index.ts';

const ctx = { documentUrl: 'http://blog.test/feeds/atom.xml', feedLink: 'http://blog.test/' };
const entry: Entry = {
  id: 'urn:post:1',
  statedId: 'urn:post:1',
  title: 'A <b>bold</b> title',
  titleDetail: { type: 'text/plain', value: 'A <b>bold</b> title' },
  link: 'http://blog.test/2026/post.html',
  content: '<p>See <a href="img/x.png">this</a></p>',
  contents: [{ type: 'text/html', value: '<p>See <a href="img/x.png">this</a></p>' }],
  summary: 'Plain &lt;tag&gt;',
  summaryDetail: { type: 'text/plain', value: 'Plain <tag>' },
  updated: new Date('2026-01-02T00:00:00Z'),
  updatedText: '2026-01-02T00:00:00Z',
  published: new Date('2026-01-01T00:00:00Z'),
  author: { name: 'Jane' },
  authors: [{ name: 'Jane' }],
  categories: [{ term: 'x' }],
  links: [{ rel: 'alternate', href: 'http://blog.test/2026/post.html' }, { rel: 'enclosure', href: 'http://blog.test/a.mp3' }],
};

describe('applyEntryOptions', () => {
  it('leaves the entry alone without options', () => assert.equal(applyEntryOptions(entry, undefined, ctx), entry));

  it('ignore_in_feed drops the named fields and their detail forms', () => {
    const out = applyEntryOptions(entry, { ignoreInFeed: ['updated', 'author', 'tags', 'enclosures'] }, ctx);
    assert.equal(out.updated, undefined);
    assert.equal(out.updatedText, undefined);
    assert.equal(out.author, undefined);
    assert.equal(out.authors, undefined);
    assert.equal(out.categories, undefined);
    assert.deepEqual(out.links, [{ rel: 'alternate', href: 'http://blog.test/2026/post.html' }]);
    assert.deepEqual(out.published, entry.published, 'fields not named are kept');
  });

  it('ignore_in_feed = id gives the entry an id from its link', () => {
    const out = applyEntryOptions(entry, { ignoreInFeed: ['id'] }, ctx);
    assert.equal(out.id, 'http://blog.test/2026/post.html');
    assert.equal(out.statedId, undefined);
  });

  it('xml_base sets the base relative links resolve against', () => {
    assert.equal(applyEntryOptions(entry, { xmlBase: 'https://cdn.test/' }, ctx).baseUrl, 'https://cdn.test/');
    assert.equal(applyEntryOptions(entry, { xmlBase: 'feed_alternate' }, ctx).baseUrl, 'http://blog.test/');
    assert.equal(applyEntryOptions(entry, { xmlBase: 'entry_alternate' }, ctx).baseUrl, 'http://blog.test/2026/post.html');
  });

  it('title_type = html reads the title as HTML (markup removed); text keeps every character', () => {
    assert.equal(applyEntryOptions(entry, { titleType: 'html' }, ctx).title, 'A bold title');
    assert.equal(applyEntryOptions({ ...entry, title: 'A bold title' }, { titleType: 'text' }, ctx).title, 'A <b>bold</b> title');
  });

  it('content_type / summary_type force text (escaped) or html (as written)', () => {
    assert.equal(applyEntryOptions(entry, { contentType: 'text' }, ctx).content, '&lt;p&gt;See &lt;a href="img/x.png"&gt;this&lt;/a&gt;&lt;/p&gt;');
    assert.equal(applyEntryOptions(entry, { summaryType: 'html' }, ctx).summary, 'Plain <tag>');
    assert.equal(applyEntryOptions(entry, { summaryType: 'text' }, ctx).summary, 'Plain &lt;tag&gt;');
  });
});
