import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDuration, parseConfig, parseDuration } from './index.ts';

describe('durations', () => {
  it('reads a whole number of seconds, minutes or hours', () => {
    assert.equal(parseDuration('90s'), 90_000);
    assert.equal(parseDuration('30m'), 1_800_000);
    assert.equal(parseDuration('2h'), 7_200_000);
    assert.equal(parseDuration(' 5 m '), 300_000);
    assert.equal(parseDuration('24h'), 86_400_000);
  });

  it('refuses what is not one, zero, and more than a day', () => {
    for (const text of ['', '30', 'm', '1.5h', '-5m', '10 minutes', '30M', '1h30m', '0s', '25h', '1441m']) {
      assert.equal(parseDuration(text), undefined, text);
    }
  });

  it('writes one back the way people say it', () => {
    assert.equal(formatDuration(90_000), '1m 30s');
    assert.equal(formatDuration(1_800_000), '30m');
    assert.equal(formatDuration(5_400_000), '1h 30m');
    assert.equal(formatDuration(1000), '1s');
  });
});

describe('[watch] in planet.toml', () => {
  const base = '[planet]\nname = "P"\nlink = "https://planet.test/"\n';

  it('defaults to 30 minutes and takes an interval', () => {
    assert.equal(parseConfig(base, '/p/planet.toml').watch?.intervalMs, 1_800_000);
    assert.equal(parseConfig(`${base}[watch]\ninterval = "90s"\n`, '/p/planet.toml').watch?.intervalMs, 90_000);
  });

  it('names the file, the key and the expected form of a bad interval', () => {
    assert.throws(
      () => parseConfig(`${base}[watch]\ninterval = "half an hour"\n`, '/p/planet.toml'),
      /\/p\/planet\.toml: \[watch\] interval: expected a duration such as "90s", "30m" or "2h" \(at most 24h\), got "half an hour"/,
    );
    assert.throws(() => parseConfig(`${base}[watch]\ninterval = 30\n`, '/p/planet.toml'), /\[watch\] interval: expected a non-empty string, got 30/);
    assert.throws(() => parseConfig(`${base}[watch]\nevery = "5m"\n`, '/p/planet.toml'), /\[watch\] every: unknown key/);
  });
});
