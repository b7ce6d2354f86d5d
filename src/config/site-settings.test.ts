// The [planet] keys that shape the published site: paging, excerpts, time zone and locale.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../model/index.ts';
import { parseConfig } from './index.ts';

const file = '/srv/planet/planet.toml';
const planet = (extra: string): string => `[planet]\nname = "P"\nlink = "https://p.example/"\n${extra}\n`;

describe('site settings in [planet]', () => {
  it('defaults to UTC, English, no day limit, 500-character excerpts and a 1000-entry archive', () => {
    const { planet: settings } = parseConfig(planet(''), file);
    assert.deepEqual(
      [settings.timezone, settings.locale, settings.daysPerPage, settings.summaryLength, settings.archiveEntries],
      ['UTC', 'en', 0, 500, 1000],
    );
  });

  it('reads every key', () => {
    const { planet: settings } = parseConfig(
      planet('timezone = "Europe/Berlin"\nlocale = "de-AT"\ndays_per_page = 3\nsummary_length = 200\narchive_entries = 50'),
      file,
    );
    assert.deepEqual(
      [settings.timezone, settings.locale, settings.daysPerPage, settings.summaryLength, settings.archiveEntries],
      ['Europe/Berlin', 'de-AT', 3, 200, 50],
    );
  });

  it('rejects an unknown time zone and a malformed locale, naming the key and an example', () => {
    assert.throws(
      () => parseConfig(planet('timezone = "Mars/Olympus"\nlocale = "not a locale!"'), file),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /\[planet\] timezone: "Mars\/Olympus" is not an IANA time zone; use e\.g\. "UTC"/);
        assert.match(error.message, /\[planet\] locale: "not a locale!" is not a BCP 47 language tag/);
        return true;
      },
    );
  });
});
