import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDateFormatter } from './dates.ts';

const utc = createDateFormatter();

describe('createDateFormatter', () => {
  it('formats a moment as RFC 3339, RFC 822 and for people, in UTC by default', () => {
    assert.deepEqual(utc.date(new Date('2026-11-30T14:05:09.123Z')), {
      iso: '2026-11-30T14:05:09Z',
      rfc822: 'Mon, 30 Nov 2026 14:05:09 +0000',
      display: '30 November 2026 14:05 UTC',
      time: '14:05',
    });
  });

  it('pads single-digit days in RFC 822 only', () => {
    const view = utc.date(new Date('2027-01-03T07:08:00Z'));
    assert.equal(view.rfc822, 'Sun, 03 Jan 2027 07:08:00 +0000');
    assert.equal(view.display, '3 January 2027 07:08 UTC');
  });

  it('does not depend on the machine time zone', () => {
    const saved = process.env.TZ;
    const moment = new Date('2026-11-30T23:30:00Z');
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      assert.equal(createDateFormatter().day(moment).key, '2026-11-30');
      assert.equal(createDateFormatter().date(moment).display, '30 November 2026 23:30 UTC');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('gives the day key and a label', () => {
    assert.deepEqual(utc.day(new Date('2026-11-30T00:00:00Z')), { key: '2026-11-30', label: 'Monday, 30 November 2026' });
    assert.deepEqual(utc.day(new Date('2026-11-29T23:59:59Z')), { key: '2026-11-29', label: 'Sunday, 29 November 2026' });
    assert.deepEqual(utc.month(new Date('2026-11-29T23:59:59Z')), { key: '2026-11', label: 'November 2026' });
  });

  it('groups days and shows times in the planet time zone, feeds stay in UTC', () => {
    const tokyo = createDateFormatter('en', 'Asia/Tokyo');
    const moment = new Date('2026-11-30T23:30:00Z');
    assert.equal(tokyo.day(moment).key, '2026-12-01');
    assert.equal(tokyo.month(moment).label, 'December 2026');
    assert.equal(tokyo.date(moment).time, '08:30');
    assert.match(tokyo.date(moment).display, /^1 December 2026 08:30 GMT\+9$/);
    assert.equal(tokyo.date(moment).rfc822, 'Mon, 30 Nov 2026 23:30:00 +0000');
  });

  it('names days and months in the planet locale', () => {
    const german = createDateFormatter('de', 'Europe/Berlin');
    const moment = new Date('2026-11-30T23:30:00Z');
    assert.equal(german.day(moment).label, 'Dienstag, 1. Dezember 2026');
    assert.equal(german.month(moment).label, 'Dezember 2026');
  });
});
