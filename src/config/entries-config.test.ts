import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../model/index.ts';
import { parseConfig } from './index.ts';

const file = '/srv/planet/planet.toml';
const head = '[planet]\nname = "P"\nlink = "https://planet.example.org/"\n';

describe('config: [entries] and a PostgreSQL database', () => {
  it('fills the [entries] defaults', () => {
    const config = parseConfig(head, file);
    assert.deepEqual(config.entries, {
      newFeedItems: 2,
      futureDates: 'ignore_date',
      bumpOnUpdate: false,
      duplicates: 'first-seen',
      keepPerFeed: 50,
      keepDays: 0,
    });
  });

  it('reads every [entries] key', () => {
    const config = parseConfig(
      `${head}[entries]\nnew_feed_items = 0\nfuture_dates = "ignore_entry"\nbump_on_update = true\nduplicates = "config-order"\nkeep_per_feed = 5\nkeep_days = 90\n`,
      file,
    );
    assert.deepEqual(config.entries, {
      newFeedItems: 0,
      futureDates: 'ignore_entry',
      bumpOnUpdate: true,
      duplicates: 'config-order',
      keepPerFeed: 5,
      keepDays: 90,
    });
  });

  it('reports a value outside the choices, and a keep_per_feed of 0, naming the key', () => {
    assert.throws(
      () => parseConfig(`${head}[entries]\nfuture_dates = "now"\nkeep_per_feed = 0\n`, file),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /\[entries\] future_dates: expected one of "keep", "ignore_date", "ignore_entry", got "now"/);
        assert.match(error.message, /\[entries\] keep_per_feed: expected a number of at least 1, got 0/);
        return true;
      },
    );
  });

  it('keeps a postgres:// database as a URL instead of resolving it as a path', () => {
    const url = 'postgresql://planet@db.example:5432/planet';
    assert.equal(parseConfig(`${head}database = "${url}"\n`, file).planet.database, url);
    assert.equal(parseConfig(`${head}database = "data/planet.db"\n`, file).planet.database, '/srv/planet/data/planet.db');
  });
});
