import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createStrftime } from './strftime.ts';

// A Monday afternoon in UTC; 16:05:09 in Berlin (CET, +0100); early on the 1st of December in Auckland (+1300).
const at = new Date('2026-11-30T15:05:09Z');

// [pattern, time zone, locale, expected]
const cases: Array<[string, string, string, string]> = [
  ['%B %d, %Y %I:%M %p', 'UTC', 'en', 'November 30, 2026 03:05 PM'], // Planet 2.0's date_format
  ['%B %d, %Y', 'UTC', 'en', 'November 30, 2026'], // and new_date_format
  ['%a %A %b %h %B', 'UTC', 'en', 'Mon Monday Nov Nov November'],
  ['%d %e %m %y %Y %C %j', 'UTC', 'en', '30 30 11 26 2026 20 334'],
  ['%H %I %k %l %M %S %p %P', 'UTC', 'en', '15 03 15  3 05 09 PM pm'],
  ['%D|%F|%R|%T|%x|%X', 'UTC', 'en', '11/30/26|2026-11-30|15:05|15:05:09|11/30/26|15:05:09'],
  ['%c', 'UTC', 'en', 'Mon Nov 30 15:05:09 2026'],
  ['%u %w', 'UTC', 'en', '1 1'],
  ['%z %Z', 'UTC', 'en', '+0000 UTC'],
  ['%H:%M %z', 'Europe/Berlin', 'en', '16:05 +0100'],
  ['%Y-%m-%d %H:%M %z %a', 'Pacific/Auckland', 'en', '2026-12-01 04:05 +1300 Tue'],
  ['%H:%M %z', 'America/St_Johns', 'en', '11:35 -0330'],
  ['100%% %n%t', 'UTC', 'en', '100% \n\t'],
  ['%Q stays', 'UTC', 'en', '%Q stays'],
  ['%A %d %B %Y', 'Europe/Berlin', 'de', 'Montag 30 November 2026'],
  ['%a %b', 'Europe/Paris', 'fr', 'lun. nov.'],
];

describe('strftime', () => {
  for (const [pattern, zone, locale, expected] of cases) {
    test(`${pattern} in ${zone} (${locale})`, () => assert.equal(createStrftime(zone, locale)(pattern, at), expected));
  }

  test('%I is 12 at midnight and noon', () => {
    const format = createStrftime();
    assert.equal(format('%I %p', new Date('2026-01-01T00:30:00Z')), '12 AM');
    assert.equal(format('%I %p', new Date('2026-01-01T12:30:00Z')), '12 PM');
  });

  test('%Z names the zone', () => {
    assert.equal(createStrftime('America/New_York')('%Z', at), 'EST');
  });
});
