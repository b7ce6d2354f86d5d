import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FeedConfig, ParsedFeed } from '../model/index.ts';
import { createSanitizePolicy } from '../sanitize/index.ts';
import { prepareEntries } from './filter-entries.ts';

const parsed: ParsedFeed = {
  format: 'rss',
  link: 'http://site.test/blog/',
  warnings: [],
  entries: [
    { id: '1', title: 'Python post', link: 'http://site.test/blog/2026/1', content: '<p><a href="img/a.png">pic</a><script>x()</script></p>', categories: [{ term: 'python' }] },
    { id: '2', title: 'Other post', content: '<p>other</p>' },
  ],
};

describe('prepareEntries', () => {
  it('applies entry options, then sanitizes, then filters', async () => {
    const feedConfig: FeedConfig = { url: 'http://feeds.test/f.xml', name: 'F', entryOptions: { xmlBase: 'feed_alternate', ignoreInFeed: ['link'] }, filters: { includeTags: ['python'] } };
    const { entries, dropped } = await prepareEntries(parsed, 'http://feeds.test/f.xml', { feedConfig, sanitize: createSanitizePolicy(undefined, undefined, 'test') });
    assert.equal(entries.length, 1);
    assert.equal(entries[0]?.link, undefined, 'ignore_in_feed = link');
    assert.match(entries[0]?.content ?? '', /href="http:\/\/site\.test\/blog\/img\/a\.png"/, 'resolved against the feed\'s site, not the feed URL');
    assert.doesNotMatch(entries[0]?.content ?? '', /script/);
    assert.deepEqual(dropped.map((d) => [d.id, d.title]), [['2', 'Other post']]);
  });

  it('without filters every entry is kept and nothing is reported', async () => {
    const { entries, dropped } = await prepareEntries(parsed, 'http://feeds.test/f.xml', { feedConfig: { url: 'http://feeds.test/f.xml', name: 'F' } });
    assert.equal(entries.length, 2);
    assert.deepEqual(dropped, []);
  });
});
