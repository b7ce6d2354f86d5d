import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDate } from './dates.ts';

const cases: [string, string | undefined][] = [
  // RFC 822 / 1123 and the variants feeds write.
  ['Mon, 15 Jan 2024 10:30:00 GMT', '2024-01-15T10:30:00.000Z'],
  ['Mon, 15 Jan 2024 10:30:00 +0000', '2024-01-15T10:30:00.000Z'],
  ['Mon, 15 Jan 2024 10:30:00 -0500', '2024-01-15T15:30:00.000Z'],
  ['Mon, 15 Jan 2024 10:30:00 +05:30', '2024-01-15T05:00:00.000Z'],
  ['Mon, 15 Jan 2024 10:30:00 EST', '2024-01-15T15:30:00.000Z'],
  ['Mon, 15 Jan 2024 10:30:00 EDT', '2024-01-15T14:30:00.000Z'],
  ['Mon, 15 Jan 2024 10:30:00 PDT', '2024-01-15T17:30:00.000Z'],
  ['Mon, 15 Jan 2024 10:30:00 PST', '2024-01-15T18:30:00.000Z'],
  ['Mon, 15 Jan 2024 10:30:00 UT', '2024-01-15T10:30:00.000Z'],
  ['Mon, 15 Jan 2024 10:30 GMT', '2024-01-15T10:30:00.000Z'],
  ['15 Jan 2024 10:30:00 GMT', '2024-01-15T10:30:00.000Z'],
  ['Mon,15 Jan 2024 10:30:00 GMT', '2024-01-15T10:30:00.000Z'],
  ['Monday, 15 January 2024 10:30:00 GMT', '2024-01-15T10:30:00.000Z'],
  ['Wed, 17 Jan 24 09:15 EST', '2024-01-17T14:15:00.000Z'],
  ['Fri, 01 Jan 99 00:00:00 GMT', '1999-01-01T00:00:00.000Z'],
  ['15 Jan 2024', '2024-01-15T00:00:00.000Z'],
  ['Mon, 15 Jan 2024 10:30:00', '2024-01-15T10:30:00.000Z'],
  ['Mon, 15-Jan-2024 10:30:00 GMT', '2024-01-15T10:30:00.000Z'],
  ['Mon, 15 Jan 2024 10:30:00 GMT+0100', '2024-01-15T09:30:00.000Z'],
  ['Mon, 15 Jan 2024 10:30:00 +0000 (UTC)', '2024-01-15T10:30:00.000Z'],
  ['Sat, Dec 16 2023 02:02:33 PM', '2023-12-16T14:02:33.000Z'],
  ['Seg, 24 Sep 2018 19:18:49 -0300', '2018-09-24T22:18:49.000Z'],
  ['Thu, 29 Feb 2024 12:00:00 GMT', '2024-02-29T12:00:00.000Z'],
  // W3C-DTF / ISO 8601 / RFC 3339.
  ['2024-01-15T10:30:00Z', '2024-01-15T10:30:00.000Z'],
  ['2024-01-15T10:30:00.250Z', '2024-01-15T10:30:00.250Z'],
  ['2024-01-15T10:30:00+01:00', '2024-01-15T09:30:00.000Z'],
  ['2024-01-15T10:30:00-0800', '2024-01-15T18:30:00.000Z'],
  ['2024-01-15T10:30Z', '2024-01-15T10:30:00.000Z'],
  ['2024-01-15 10:30:00', '2024-01-15T10:30:00.000Z'],
  ['2024-01-15t10:30:00z', '2024-01-15T10:30:00.000Z'],
  ['2024-01-15', '2024-01-15T00:00:00.000Z'],
  ['2024-01', '2024-01-01T00:00:00.000Z'],
  ['2024', '2024-01-01T00:00:00.000Z'],
  ['20240115T103000Z', '2024-01-15T10:30:00.000Z'],
  ['  2024-01-15T10:30:00Z\n', '2024-01-15T10:30:00.000Z'],
  // Not dates.
  ['', undefined],
  ['yesterday', undefined],
  ['2024-13-01', undefined],
  ['2023-02-29', undefined],
  ['Mon, 32 Jan 2024 10:30:00 GMT', undefined],
  ['Mon, 15 Foo 2024 10:30:00 GMT', undefined],
  ['Mon, 15 Jan 2024 25:30:00 GMT', undefined],
  ['Mon, 15 Jan 2024 10:30:00 XYZ', undefined],
  ['2024-01-15T10:30:00+00:0', undefined],
];

for (const [input, expected] of cases) {
  test(`parseDate(${JSON.stringify(input)})`, () => {
    assert.equal(parseDate(input)?.toISOString(), expected);
  });
}

test('parseDate does not depend on the machine time zone', () => {
  // Date-only and zone-less inputs are the ones a local-time parser would shift.
  const before = process.env.TZ;
  try {
    process.env.TZ = 'Pacific/Kiritimati';
    assert.equal(parseDate('2024-01-15')?.toISOString(), '2024-01-15T00:00:00.000Z');
    assert.equal(parseDate('15 Jan 2024 10:00')?.toISOString(), '2024-01-15T10:00:00.000Z');
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
});
