// A small planet used by the render tests: three feeds (one failing, one without a site link),
// entries over three UTC days, and one entry whose feed is no longer subscribed.
import type { FeedRecord, PlanetSettings, StoredEntry } from '../../model/index.ts';

export const samplePlanet: PlanetSettings = {
  name: 'Planet Test & Friends',
  link: 'https://planet.example.org/',
  ownerName: 'Olive Owner',
  ownerEmail: 'olive@example.org',
  description: 'Posts from <people> we like',
  outputDir: '/nonexistent/output',
  database: '/nonexistent/planet.db',
  themeDir: '/nonexistent/theme',
  itemsPerPage: 60,
  daysPerPage: 0,
  archiveEntries: 1000,
  summaryLength: 500,
  timezone: 'UTC',
  locale: 'en',
};

export const sampleNow = new Date('2026-11-30T15:04:05.678Z');

const feed = (id: number, name: string, url: string, extra: Partial<FeedRecord> = {}): FeedRecord => ({
  id,
  name,
  url,
  validators: {},
  consecutiveFailures: 0,
  ...extra,
});

export const sampleFeeds: FeedRecord[] = [
  feed(1, 'beta blog', 'https://beta.example/feed.xml', {
    title: "Beta's Blog",
    siteLink: 'https://beta.example/',
    lastFetchedAt: new Date('2026-11-30T15:00:00Z'),
    lastSuccessAt: new Date('2026-11-30T15:00:00Z'),
  }),
  feed(2, 'Alpha', 'https://alpha.example/atom.xml', {
    siteLink: 'https://alpha.example/',
    lastError: { code: 'timeout', message: 'fetch: https://alpha.example/atom.xml timed out after 20 s' },
    lastFetchedAt: new Date('2026-11-30T15:01:00Z'),
    lastSuccessAt: new Date('2026-11-20T15:00:00Z'),
    consecutiveFailures: 3,
  }),
  feed(3, 'Charlie <Chaos>', 'https://charlie.example/rss?a=1&b=2'),
];

const entry = (feedId: number, id: string, displayDate: string, extra: Partial<StoredEntry> = {}): StoredEntry => ({
  feedId,
  id,
  displayDate: new Date(displayDate),
  firstSeen: new Date(displayDate),
  ...extra,
});

export const sampleEntries: StoredEntry[] = [
  entry(1, 'tag:beta.example,2026:1', '2026-11-30T14:05:00Z', {
    title: '<script>alert(1)</script> & co',
    link: 'https://beta.example/posts/1',
    content: '<p>Hello <em>world</em> &amp; all</p>',
    summary: '<p>not shown</p>',
    author: { name: 'Bea' },
  }),
  entry(99, 'gone-1', '2026-11-30T12:00:00Z', { title: 'From a feed no longer subscribed' }),
  entry(2, 'https://alpha.example/2', '2026-11-30T00:00:00Z', {
    link: 'https://alpha.example/2',
    summary: '<p>Summary only</p>',
  }),
  entry(3, 'urn:charlie:4', '2026-11-29T23:59:59Z', {
    title: 'Bell\u0007 and \uFFFE and lone \uD800 surrogate',
    link: 'javascript:alert(1)',
  }),
  entry(1, 'tag:beta.example,2026:0', '2026-11-27T08:00:00Z', { title: 'Older', link: 'https://beta.example/posts/0' }),
];
