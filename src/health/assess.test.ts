import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig } from '../config/index.ts';
import type { FeedRecord, PlanetConfig } from '../model/index.ts';
import { PlanetError } from '../model/index.ts';
import { parseFeed } from '../parse/index.ts';
import type { FetchHistoryRecordLike } from './index.ts';
import { advertisedFeedsOf, assessFeeds, parseStatusList, statusLabel } from './index.ts';

const NOW = new Date('2026-11-30T12:00:00Z');
const daysAgo = (days: number): Date => new Date(NOW.getTime() - days * 24 * 3600_000);

function config(urls: string[], extra = ''): PlanetConfig {
  const feeds = urls.map((url) => `[[feeds]]\nurl = "${url}"\n`).join('\n');
  return parseConfig(`[planet]\nname = "T"\nlink = "https://t.test/"\n${extra}\n${feeds}`, '/tmp/planet.toml');
}

let nextId = 1;
function record(url: string, fields: Partial<FeedRecord> = {}): FeedRecord {
  return { id: nextId++, url, name: url, validators: {}, consecutiveFailures: 0, lastFetchedAt: daysAgo(0), lastSuccessAt: daysAgo(0), ...fields };
}

function assess(cfg: PlanetConfig, feeds: FeedRecord[], more: { history?: [FeedRecord, FetchHistoryRecordLike[]][]; newest?: [FeedRecord, Date][] } = {}) {
  const history = new Map((more.history ?? []).map(([feed, runs]) => [feed.id, runs]));
  const newestEntryAt = new Map((more.newest ?? []).map(([feed, date]) => [feed.id, date]));
  return assessFeeds({ config: cfg, feeds, history, newestEntryAt, now: NOW });
}

const failure = (days: number, code = 'http-status'): FetchHistoryRecordLike => ({ at: daysAgo(days), status: 'failed', errorCode: code, newEntries: 0 });
const error = { code: 'http-status', message: 'fetch: x answered HTTP 500' };

describe('assessFeeds', () => {
  it('suggests removing a feed failing for dead_after_days, and not a day before', () => {
    const a = record('https://a.test/feed', { consecutiveFailures: 40, lastSuccessAt: daysAgo(90), lastError: error });
    const b = record('https://b.test/feed', { consecutiveFailures: 40, lastSuccessAt: daysAgo(89), lastError: error });
    const [dead, alive] = assess(config([a.url, b.url]), [a, b]);
    assert.deepEqual(dead?.statuses, ['failing']);
    assert.equal(dead?.suggestion?.action, 'remove');
    assert.match(dead?.suggestion?.reason ?? '', /failing for 90 days, last fetched successfully on 2026-09-01; \[health\] dead_after_days is 90/);
    assert.equal(alive?.suggestion, undefined);
  });

  it('counts a feed that never worked as failing since its first attempt, and honours dead_after_days', () => {
    const a = record('https://a.test/feed', { consecutiveFailures: 3, lastSuccessAt: undefined, lastError: error });
    const cfg = config([a.url], '[health]\ndead_after_days = 10');
    const [health] = assess(cfg, [a], { history: [[a, [failure(1), failure(12), failure(5)]]] });
    assert.equal(health?.suggestion?.action, 'remove');
    assert.match(health?.suggestion?.reason ?? '', /never fetched successfully \(first tried 2026-11-18\)/);
    // Runs come oldest first whatever order the store gave; the error is dated by the last failure.
    assert.deepEqual(health?.runs.map((r) => r.at), [daysAgo(12), daysAgo(5), daysAgo(1)]);
    assert.deepEqual(health?.lastError, { ...error, at: daysAgo(1) });
  });

  it('marks a subscription the store has not fetched yet as never-fetched, with no suggestion', () => {
    const [health] = assess(config(['https://new.test/feed']), []);
    assert.deepEqual(health?.statuses, ['never-fetched']);
    assert.equal(health?.suggestion, undefined);
    assert.equal(health?.hidden, false);
  });

  it('calls a feed stale past activity_threshold days, and never when it is 0', () => {
    const a = record('https://a.test/feed');
    const newest: [FeedRecord, Date][] = [[a, daysAgo(181)]];
    assert.deepEqual(assess(config([a.url]), [a], { newest })[0]?.statuses, ['stale']);
    assert.deepEqual(assess(config([a.url]), [a], { newest: [[a, daysAgo(179)]] })[0]?.statuses, ['ok']);
    assert.deepEqual(assess(config([a.url], 'activity_threshold = 0'), [a], { newest })[0]?.statuses, ['ok']);
    assert.deepEqual(assess(config([a.url], 'activity_threshold = 30'), [a], { newest: [[a, daysAgo(31)]] })[0]?.statuses, ['stale']);
  });

  it('keeps the subscription already at the URL a duplicate was moved to, wherever it is listed', () => {
    const moved = record('https://old.test/feed', { movedTo: 'https://new.test/feed' });
    const target = record('https://new.test/feed');
    const [first, second] = assess(config([moved.url, target.url]), [moved, target]);
    assert.deepEqual(first?.statuses, ['duplicate', 'redirected']);
    assert.equal(first?.duplicateOf, target.url);
    assert.equal(first?.suggestion?.action, 'remove');
    assert.deepEqual(second?.statuses, ['ok']);
  });

  it('orders statuses most serious first', () => {
    const a = record('https://a.test/feed', { goneAt: daysAgo(2), consecutiveFailures: 1, lastError: error });
    const [health] = assess(config([a.url]), [a], { newest: [[a, daysAgo(400)]] });
    assert.deepEqual(health?.statuses, ['gone', 'stale']);
    assert.equal(health?.suggestion?.action, 'remove');
    assert.match(health?.suggestion?.reason ?? '', /410 Gone on 2026-11-28/);
  });

  it('replaces a web page by the feed it advertises, or removes it when that feed is subscribed already', () => {
    const message = (feeds: string): string => `parse: https://x.test/ is a web page, not a feed; it advertises ${feeds} (use that URL instead)`;
    const page = record('https://x.test/', { consecutiveFailures: 1, lastError: { code: 'html-not-feed', message: message('https://x.test/feed.xml') } });
    const [alone] = assess(config([page.url]), [page]);
    assert.deepEqual(alone?.statuses, ['failing', 'html-not-feed']);
    assert.deepEqual(alone?.suggestion && [alone.suggestion.action, alone.suggestion.newUrl], ['use-feed-url', 'https://x.test/feed.xml']);
    const feed = record('https://x.test/feed.xml');
    const [withFeed] = assess(config([page.url, feed.url]), [page, feed]);
    assert.equal(withFeed?.suggestion?.action, 'remove');
    const bare = record('https://y.test/', { consecutiveFailures: 1, lastError: { code: 'html-not-feed', message: 'parse: https://y.test/ is a web page, not a feed, and it advertises no feed; find the site\'s feed URL' } });
    assert.equal(assess(config([bare.url]), [bare])[0]?.suggestion, undefined);
  });

  it('never suggests two edits that would subscribe one URL twice', () => {
    const message = 'parse: https://x.test/ is a web page, not a feed; it advertises https://x.test/feed.xml (use that URL instead)';
    const page = record('https://x.test/', { consecutiveFailures: 1, lastError: { code: 'html-not-feed', message } });
    const moved = record('https://x.test/old-feed', { movedTo: 'https://x.test/feed.xml' });
    const [first, second] = assess(config([page.url, moved.url]), [page, moved]);
    assert.equal(first?.suggestion?.action, 'use-feed-url');
    assert.deepEqual(second?.suggestion && [second.suggestion.action, second.suggestion.reason], ['remove', 'leads to https://x.test/feed.xml, which https://x.test/ is already being moved to']);
  });

  it('hides by the [health] policy only past its limits, which are off by default', () => {
    const failing = record('https://a.test/feed', { consecutiveFailures: 3, lastError: error });
    const quiet = record('https://b.test/feed');
    const newest: [FeedRecord, Date][] = [[quiet, daysAgo(31)]];
    const urls = [failing.url, quiet.url];
    assert.deepEqual(assess(config(urls), [failing, quiet], { newest }).map((h) => h.hidden), [false, false]);
    const on = config(urls, '[health]\nhide_after_failures = 3\nhide_after_stale_days = 30');
    assert.deepEqual(assess(on, [failing, quiet], { newest }).map((h) => h.hidden), [true, true]);
    const higher = config(urls, '[health]\nhide_after_failures = 4\nhide_after_stale_days = 31');
    assert.deepEqual(assess(higher, [failing, quiet], { newest }).map((h) => h.hidden), [false, false]);
    assert.equal(statusLabel(assess(on, [failing, quiet], { newest })[0]!), 'failing 3 runs (hidden)');
  });
});

describe('advertisedFeedsOf', () => {
  it('reads the feeds from the message the parse stage really writes', () => {
    const html = '<html><head><link rel="alternate" type="application/rss+xml" href="/rss"><link rel="alternate" type="application/atom+xml" href="atom.xml?a=1, 2"></head></html>';
    let message = '';
    try {
      parseFeed(html, { url: 'https://blog.test/posts/' });
    } catch (caught) {
      assert.ok(caught instanceof PlanetError && caught.code === 'html-not-feed');
      message = caught.message;
    }
    assert.deepEqual(advertisedFeedsOf(message), ['https://blog.test/rss', 'https://blog.test/posts/atom.xml?a=1,%202']);
    assert.deepEqual(advertisedFeedsOf('fetch: https://x.test/ answered HTTP 500'), []);
  });
});

describe('parseStatusList', () => {
  it('reads a comma-separated list and rejects unknown statuses as a usage error', () => {
    assert.deepEqual(parseStatusList('failing, gone,stale'), ['failing', 'gone', 'stale']);
    assert.throws(() => parseStatusList('failing,dead'), (e: unknown) => e instanceof PlanetError && e.code === 'usage' && /"dead"/.test(e.message));
    assert.throws(() => parseStatusList(' , '), /no status given/);
  });
});
