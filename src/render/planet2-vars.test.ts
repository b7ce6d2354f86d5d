import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FeedRecord, StoredEntry } from '../model/index.ts';
import { buildSiteView } from './build-site-view.ts';
import { planet2Vars } from './planet2-vars.ts';
import type { Planet2Settings } from './planet2-vars.ts';
import { createStrftime } from './strftime.ts';
import { samplePlanet } from './testdata/sample.ts';

const now = new Date('2026-11-30T12:00:00Z');
const feeds: FeedRecord[] = [
  { id: 1, name: 'One', url: 'https://one.example/feed', validators: {}, consecutiveFailures: 0, lastSuccessAt: now, lastFetchedAt: now },
  { id: 2, name: 'Two', url: 'https://two.example/feed', validators: {}, consecutiveFailures: 0, lastSuccessAt: now, lastFetchedAt: now },
  { id: 3, name: 'Three', url: 'https://three.example/feed', validators: {}, consecutiveFailures: 0, lastSuccessAt: now, lastFetchedAt: now },
];
const entry = (feedId: number, id: string, at: string, extra: Partial<StoredEntry> = {}): StoredEntry => ({
  feedId,
  id,
  displayDate: new Date(at),
  firstSeen: new Date(at),
  ...extra,
});
const entries = [
  entry(1, 'a', '2026-11-30T10:00:00Z', { content: '<p>full</p>', summary: '<p>short</p>', author: { name: 'Ann', email: 'ann@one.example' } }),
  entry(1, 'b', '2026-11-30T09:00:00Z', { summary: '<p>only a summary</p>' }),
  entry(1, 'c', '2026-11-29T09:00:00Z'),
  entry(2, 'd', '2026-11-29T08:00:00Z'),
  entry(3, 'e', '2026-11-29T07:00:00Z'),
];
const feedSettings = {
  'https://one.example/feed': { extra: { face: 'one.png', name: 'not the name' } },
  'https://two.example/feed': { hidden: true },
};
const view = buildSiteView({ planet: samplePlanet, feeds, entries, now, feedSettings });
const settings: Planet2Settings = {
  dateFormat: '%d.%m.%Y %H:%M',
  newDateFormat: '%A',
};
const vars = planet2Vars(view, 'index.html', settings, createStrftime(), createStrftime());
const items = vars.Items as Array<Record<string, unknown>>;

describe("Planet 2.0's template variables", () => {
  it('names this output by its URL under the planet link', () => {
    assert.equal(vars.url, 'https://planet.example.org/index.html');
  });

  it('marks the first entry of each day with new_date, and of each run of a feed or a day with new_channel', () => {
    assert.deepEqual(items.map((item) => [item.id, item.new_date, item.new_channel]), [
      ['a', 'Monday', 'https://one.example/feed'],
      ['b', undefined, undefined],
      ['c', 'Sunday', 'https://one.example/feed'],
      ['e', undefined, 'https://three.example/feed'],
    ]);
  });

  it("gives the feed's summary beside its content, and the author's address", () => {
    assert.deepEqual([items[0]?.content, items[0]?.summary, items[0]?.author_email], ['<p>full</p>', '<p>short</p>', 'ann@one.example']);
    assert.deepEqual([items[1]?.content, items[1]?.summary], ['<p>only a summary</p>', '<p>only a summary</p>']);
  });

  it('formats dates with date_format, and date_iso / date_822 as Planet 2.0 did', () => {
    assert.deepEqual([items[0]?.date, items[0]?.date_iso, items[0]?.date_822], ['30.11.2026 10:00', '2026-11-30T10:00:00+00:00', 'Mon, 30 Nov 2026 10:00:00 +0000']);
  });

  it("gives Venus's guid_isPermaLink and title_plain", () => {
    const linked = planet2Vars(
      buildSiteView({ planet: samplePlanet, feeds, entries: [entry(1, 'https://one.example/p', '2026-11-30T10:00:00Z', { link: 'https://one.example/p' })], now }),
      'index.html',
      settings,
      createStrftime(),
      createStrftime(),
    );
    const first = (linked.Items as Array<Record<string, unknown>>)[0];
    assert.deepEqual([first?.guid_isPermaLink, items[0]?.guid_isPermaLink, first?.channel_title_plain], ['true', 'false', 'One']);
  });

  it("exposes a feed's extra keys as channel_<key>, never over its own name", () => {
    assert.deepEqual([items[0]?.channel_face, items[0]?.channel_name, items[0]?.channel_facewidth], ['one.png', 'One', undefined]);
  });

  it("lists hidden feeds in Channels but leaves their entries out of Items, as Planet 2.0", () => {
    assert.deepEqual((vars.Channels as Array<Record<string, unknown>>).map((channel) => channel.name), ['One', 'Three', 'Two']);
    assert.deepEqual(items.map((item) => item.channel_name), ['One', 'One', 'One', 'Three']);
  });

  it('says when a channel has been quiet longer than activity_threshold, a hidden one by its own entries', () => {
    const messages = (at: Date, days: number): unknown[] => {
      const built = buildSiteView({ planet: samplePlanet, feeds, entries, now: at, feedSettings });
      return (planet2Vars(built, 'index.html', { ...settings, activityThreshold: days }, createStrftime(), createStrftime()).Channels as Array<Record<string, unknown>>).map((channel) => channel.message);
    };
    assert.deepEqual(messages(now, 2), [undefined, undefined, undefined]);
    assert.deepEqual(messages(now, 1), [undefined, 'no activity in 1 days', 'no activity in 1 days']);
    assert.deepEqual(messages(new Date('2026-12-05T00:00:00Z'), 1), ['no activity in 1 days', 'no activity in 1 days', 'no activity in 1 days']);
  });
});
