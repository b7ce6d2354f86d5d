import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StoredEntry } from '../model/index.ts';
import { buildSiteView } from './index.ts';
import { sampleFeeds, sampleNow, samplePlanet } from './testdata/sample.ts';

/** `perDay` entries of feed 1 on each of `days` consecutive days, newest first, ending 30 Nov. */
function entries(days: number, perDay: number): StoredEntry[] {
  const out: StoredEntry[] = [];
  for (let d = 0; d < days; d++) {
    for (let i = 0; i < perDay; i++) {
      const at = new Date(Date.UTC(2026, 10, 30 - d, 20 - i));
      out.push({ feedId: 1 + ((d + i) % 2), id: `e-${d}-${i}`, title: `Post ${d}.${i}`, displayDate: at, firstSeen: at });
    }
  }
  return out;
}

const view = (list: StoredEntry[], paging: { itemsPerPage: number; daysPerPage?: number; timezone?: string }) =>
  buildSiteView({
    planet: { ...samplePlanet, ...paging, daysPerPage: paging.daysPerPage ?? 0 },
    feeds: sampleFeeds,
    entries: list,
    now: sampleNow,
  });

describe('pages', () => {
  it('splits the river by items_per_page into the front page and page/N/', () => {
    const site = view(entries(3, 3), { itemsPerPage: 4 });
    assert.deepEqual(
      site.pages.map((p) => [p.path, p.entries.length, p.root, p.prev, p.next]),
      [
        ['index.html', 4, '', undefined, 'page/2/'],
        ['page/2/index.html', 4, '../../', '', 'page/3/'],
        ['page/3/index.html', 1, '../../', 'page/2/', undefined],
      ],
    );
    assert.deepEqual(site.pages.map((p) => p.total), [3, 3, 3]);
    assert.equal(site.days, site.pages[0]?.days);
    assert.deepEqual(site.entries.map((e) => e.id), site.pages[0]?.entries.map((e) => e.id), 'the feeds carry the front page');
  });

  it('starts a new page when days_per_page days are full, keeping days whole', () => {
    const site = view(entries(5, 2), { itemsPerPage: 100, daysPerPage: 2 });
    assert.deepEqual(
      site.pages.map((p) => p.days.map((d) => d.date)),
      [['2026-11-30', '2026-11-29'], ['2026-11-28', '2026-11-27'], ['2026-11-26']],
    );
    assert.equal(site.entries.length, 10, 'output feeds still carry items_per_page entries');
  });

  it('always has a front page, even with no entries', () => {
    const site = view([], { itemsPerPage: 10 });
    assert.deepEqual(site.pages.map((p) => [p.path, p.entries.length]), [['index.html', 0]]);
    assert.deepEqual(site.months, []);
  });

  it('makes one archive page per month of the planet time zone, newest first', () => {
    const list = entries(1, 1).concat([
      { feedId: 1, id: 'oct', displayDate: new Date('2026-10-31T23:30:00Z'), firstSeen: new Date('2026-10-31T23:30:00Z') },
      { feedId: 1, id: 'sep', displayDate: new Date('2026-09-15T12:00:00Z'), firstSeen: new Date('2026-09-15T12:00:00Z') },
    ]);
    const utc = view(list, { itemsPerPage: 10 });
    assert.deepEqual(utc.months.map((m) => [m.path, m.title, m.root, m.entries.map((e) => e.id)]), [
      ['archive/2026/11/index.html', 'November 2026', '../../../', ['e-0-0']],
      ['archive/2026/10/index.html', 'October 2026', '../../../', ['oct']],
      ['archive/2026/09/index.html', 'September 2026', '../../../', ['sep']],
    ]);
    const berlin = view(list, { itemsPerPage: 10, timezone: 'Europe/Berlin' });
    assert.deepEqual(berlin.months[0]?.entries.map((e) => e.id), ['e-0-0', 'oct'], '23:30 UTC on 31 October is November in Berlin');
  });

  it('gives every feed a page with its own entries under a unique slug', () => {
    const site = view(entries(2, 2), { itemsPerPage: 1 });
    assert.deepEqual(site.feedPages.map((p) => [p.path, p.title, p.feed?.name, p.entries.length]), [
      ['feeds/alpha/index.html', 'Alpha', 'Alpha', 2],
      ['feeds/beta-blog/index.html', 'beta blog', 'beta blog', 2],
      ['feeds/charlie-chaos/index.html', 'Charlie <Chaos>', 'Charlie <Chaos>', 0],
    ]);
    assert.ok(site.feedPages[0]?.entries.every((e) => e.source.name === 'Alpha'));
    const twins = buildSiteView({
      planet: samplePlanet,
      feeds: [sampleFeeds[0]!, { ...sampleFeeds[0]!, id: 7, name: 'Beta Blog!' }],
      entries: [],
      now: sampleNow,
    });
    assert.deepEqual(twins.feeds.map((f) => f.href).sort(), ['feeds/beta-blog-2/', 'feeds/beta-blog/']);
  });
});
