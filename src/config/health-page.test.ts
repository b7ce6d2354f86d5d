// [planet] health_page: health.html and its sidebar link are published unless it is false.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../model/index.ts';
import { parseConfig } from './index.ts';

const file = '/srv/planet/planet.toml';
const planet = (extra: string): string => `[planet]\nname = "P"\nlink = "https://p.example/"\n${extra}\n`;

describe('[planet] health_page', () => {
  it('is on by default and off when false', () => {
    assert.equal(parseConfig(planet(''), file).planet.healthPage, true);
    assert.equal(parseConfig(planet('health_page = true'), file).planet.healthPage, true);
    assert.equal(parseConfig(planet('health_page = false'), file).planet.healthPage, false);
  });

  it('must be a boolean, and says so naming the key', () => {
    assert.throws(() => parseConfig(planet('health_page = "no"'), file), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /health_page/);
      return true;
    });
  });
});
