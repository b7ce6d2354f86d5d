import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toDateView, toDay } from './dates.ts';

describe('toDateView', () => {
  it('formats a moment as RFC 3339, RFC 822 and for people, in UTC', () => {
    assert.deepEqual(toDateView(new Date('2026-11-30T14:05:09.123Z')), {
      iso: '2026-11-30T14:05:09Z',
      rfc822: 'Mon, 30 Nov 2026 14:05:09 +0000',
      display: '30 November 2026 14:05 UTC',
    });
  });

  it('pads single-digit days in RFC 822 only', () => {
    const view = toDateView(new Date('2027-01-03T07:08:00Z'));
    assert.equal(view.rfc822, 'Sun, 03 Jan 2027 07:08:00 +0000');
    assert.equal(view.display, '3 January 2027 07:08 UTC');
  });

  it('does not depend on the machine time zone', () => {
    const saved = process.env.TZ;
    const moment = new Date('2026-11-30T23:30:00Z');
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      assert.equal(toDay(moment).date, '2026-11-30');
      assert.equal(toDateView(moment).display, '30 November 2026 23:30 UTC');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('toDay', () => {
  it('gives the UTC day key and a label', () => {
    assert.deepEqual(toDay(new Date('2026-11-30T00:00:00Z')), { date: '2026-11-30', label: 'Monday, 30 November 2026' });
    assert.deepEqual(toDay(new Date('2026-11-29T23:59:59Z')), { date: '2026-11-29', label: 'Sunday, 29 November 2026' });
  });
});
