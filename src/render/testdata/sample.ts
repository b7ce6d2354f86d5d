// A small planet used by the render tests: three feeds (one failing, one without a site link),
// entries over three UTC days, and one entry whose feed is no longer subscribed.
import type { FeedHealth, FeedRecord, PlanetSettings, StoredEntry } from '../../model/index.ts';

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

const run = (at: string, outcome: 'updated' | 'not-modified' | 'failed', newEntries = 0, errorCode?: string) => ({
  at: new Date(at),
  outcome,
  newEntries,
  ...(errorCode !== undefined && { errorCode }),
});

/** The sample feeds' health (as H4's assessFeeds gives it), for health.html; a hidden feed too. */
export const sampleHealth: FeedHealth[] = [
  {
    url: 'https://beta.example/feed.xml',
    name: 'beta blog',
    statuses: ['ok'],
    consecutiveFailures: 0,
    lastSuccessAt: new Date('2026-11-30T15:00:00Z'),
    lastEntryAt: new Date('2026-11-30T14:05:00Z'),
    runs: [run('2026-11-30T13:00:00Z', 'updated', 2), run('2026-11-30T14:00:00Z', 'not-modified'), run('2026-11-30T15:00:00Z', 'updated', 1)],
    hidden: false,
  },
  {
    url: 'https://alpha.example/atom.xml',
    name: 'Alpha',
    statuses: ['stale', 'failing'],
    consecutiveFailures: 3,
    lastSuccessAt: new Date('2026-11-20T15:00:00Z'),
    lastEntryAt: new Date('2026-05-01T10:00:00Z'),
    lastError: { code: 'timeout', message: 'fetch: https://alpha.example/atom.xml timed out after 20 s', at: new Date('2026-11-30T15:01:00Z') },
    runs: [
      run('2026-11-20T15:00:00Z', 'updated', 0),
      run('2026-11-30T13:01:00Z', 'failed', 0, 'timeout'),
      run('2026-11-30T14:01:00Z', 'failed', 0, 'timeout'),
      run('2026-11-30T15:01:00Z', 'failed', 0, 'timeout'),
    ],
    hidden: false,
  },
  {
    url: 'https://charlie.example/rss?a=1&b=2',
    name: 'Charlie <Chaos>',
    statuses: ['never-fetched'],
    consecutiveFailures: 0,
    runs: [],
    hidden: false,
  },
  {
    url: 'https://gone.example/feed',
    name: 'Gone & <Hidden>',
    statuses: ['gone'],
    consecutiveFailures: 12,
    lastError: { code: 'http-status', message: 'fetch: https://gone.example/feed answered HTTP 410 Gone' },
    suggestion: { action: 'remove', url: 'https://gone.example/feed', reason: 'The feed answered 410 Gone: remove it from the config.' },
    runs: [run('2026-11-29T15:00:00Z', 'failed', 0, 'http-status')],
    hidden: true,
  },
];
