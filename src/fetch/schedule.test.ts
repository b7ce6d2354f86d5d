import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { feedRefreshSeconds } from './freshness.ts';
import { permanentMove } from './redirects.ts';
import { BACKOFF_BASE_MS, MAX_DELAY_MS, backoffDelay, nextFetchAt, parseMaxAge, parseRetryAfter } from './schedule.ts';

const now = new Date('2026-11-30T12:00:00Z');

describe('schedule', () => {
  it('reads Retry-After as delay-seconds or an HTTP-date, and ignores nonsense', () => {
    assert.deepEqual(parseRetryAfter('120', now), new Date('2026-11-30T12:02:00Z'));
    assert.deepEqual(parseRetryAfter('Mon, 30 Nov 2026 15:00:00 GMT', now), new Date('2026-11-30T15:00:00Z'));
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter('', now), undefined);
    assert.equal(parseRetryAfter(undefined, now), undefined);
  });

  it('reads max-age from Cache-Control among other directives', () => {
    assert.equal(parseMaxAge('public, max-age=600'), 600);
    assert.equal(parseMaxAge('max-age="60", must-revalidate'), 60);
    assert.equal(parseMaxAge('s-maxage=60'), undefined);
    assert.equal(parseMaxAge(undefined), undefined);
  });

  it('doubles the backoff per failure, caps it at 24 h and jitters it down by at most 20 %', () => {
    assert.equal(backoffDelay(1, () => 0), BACKOFF_BASE_MS);
    assert.equal(backoffDelay(2, () => 0), 2 * BACKOFF_BASE_MS);
    assert.equal(backoffDelay(4, () => 0), 8 * BACKOFF_BASE_MS);
    assert.equal(backoffDelay(30, () => 0), MAX_DELAY_MS);
    assert.equal(backoffDelay(1, () => 1), BACKOFF_BASE_MS * 0.8);
    assert.equal(backoffDelay(30, () => 0.999), Math.round(MAX_DELAY_MS * (1 - 0.2 * 0.999)));
  });

  it('takes the longest of backoff, Retry-After and the feed interval, capped at 24 h; nothing after a plain success', () => {
    assert.equal(nextFetchAt({ now, failures: 0 }), undefined);
    const at = (input: Partial<Parameters<typeof nextFetchAt>[0]>): number =>
      (nextFetchAt({ now, failures: 0, random: () => 0, ...input })?.getTime() ?? now.getTime()) - now.getTime();
    assert.equal(at({ failures: 1 }), BACKOFF_BASE_MS);
    assert.equal(at({ failures: 1, retryAfter: new Date(now.getTime() + 7_200_000) }), 7_200_000);
    assert.equal(at({ failures: 3, retryAfter: new Date(now.getTime() + 60_000) }), 4 * BACKOFF_BASE_MS);
    assert.equal(at({ retryAfter: new Date(now.getTime() + 9 * MAX_DELAY_MS), failures: 1 }), MAX_DELAY_MS);
    assert.equal(at({ minIntervalSeconds: 3600 }), 3_600_000);
    assert.equal(at({ minIntervalSeconds: 30 * 86_400 }), MAX_DELAY_MS);
  });
});

describe('feedRefreshSeconds', () => {
  const rss = (channel: string): Buffer =>
    Buffer.from(`<rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel><title>t</title>${channel}<item><ttl>999</ttl></item></channel></rss>`);
  it('reads <ttl> in minutes', () => assert.equal(feedRefreshSeconds(rss('<ttl>60</ttl>')), 3600));
  it('reads sy:updatePeriod divided by sy:updateFrequency', () => {
    assert.equal(feedRefreshSeconds(rss('<sy:updatePeriod>daily</sy:updatePeriod><sy:updateFrequency>4</sy:updateFrequency>')), 21_600);
    assert.equal(feedRefreshSeconds(rss('<syn:updatePeriod> hourly </syn:updatePeriod>')), 3600);
  });
  it('takes the longer of the two, and ignores what items say', () => {
    assert.equal(feedRefreshSeconds(rss('<ttl>10</ttl><sy:updatePeriod>hourly</sy:updatePeriod>')), 3600);
    assert.equal(feedRefreshSeconds(rss('')), undefined);
  });
});

describe('permanentMove', () => {
  const hop = (status: number, to: string) => ({ from: 'x', to, status });
  it('is the target of the last hop in the leading run of 301/308s', () => {
    assert.equal(permanentMove([hop(301, 'https://b/'), hop(308, 'https://c/'), hop(302, 'https://d/')]), 'https://c/');
    assert.equal(permanentMove([hop(302, 'https://b/'), hop(301, 'https://c/')]), undefined);
    assert.equal(permanentMove([]), undefined);
  });
});
