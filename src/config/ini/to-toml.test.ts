import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'smol-toml';
import { loadConfig } from '../load.ts';
import { iniToToml } from './to-toml.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`testdata/${name}`, import.meta.url));

/** A PlanetConfig without what only says where and how it was written. */
function comparable(config: Awaited<ReturnType<typeof loadConfig>>): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...config };
  for (const key of ['configPath', 'format', 'warnings']) delete rest[key];
  return rest;
}

describe('planet import: config.ini -> planet.toml', () => {
  const dirs: string[] = [];
  after(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  for (const name of ['planet2-style.ini', 'unsupported.ini']) {
    it(`${name}: the TOML, saved beside the INI, loads to the same PlanetConfig`, async () => {
      const dir = await mkdtemp(join(tmpdir(), 'planet-import-'));
      dirs.push(dir);
      const ini = join(dir, 'config.ini');
      await copyFile(fixture(name), ini);
      const { toml, warnings } = iniToToml(await readFile(ini, 'utf8'), ini);
      await writeFile(join(dir, 'planet.toml'), toml);
      const fromIni = await loadConfig(ini);
      const fromToml = await loadConfig(join(dir, 'planet.toml'));
      assert.equal(fromIni.format, 'ini');
      assert.deepEqual(fromIni.warnings, warnings);
      assert.deepEqual(fromToml.warnings ?? [], []);
      assert.deepEqual(comparable(fromToml), comparable(fromIni));
    });
  }

  it('a config.ini that is not UTF-8 is read as Windows-1252, with a warning', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'planet-latin1-'));
    dirs.push(dir);
    const ini = join(dir, 'config.ini');
    await writeFile(ini, Buffer.from('[Planet]\nname = Planet Ga\xebl\nlink = https://p.example.org/\n', 'latin1'));
    const config = await loadConfig(ini);
    assert.equal(config.planet.name, 'Planet Ga\u00ebl');
    assert.deepEqual(config.warnings, [`config: ${ini}: is not UTF-8, so it was read as Windows-1252 (Latin-1); save it as UTF-8 if names look wrong`]);
  });

  it('keeps comments above sections and options, and relative paths', () => {
    const { toml } = iniToToml(readFileSync(fixture('planet2-style.ini'), 'utf8'), fixture('planet2-style.ini'));
    assert.match(toml, /# Planet 2\.0 config in the style of Planet Python's config\/config\.ini\n# \(github\.com\/python\/planet\)[^\n]*\n\[planet\]\n/);
    assert.match(toml, /# how many entries, and how many days, on the front page\nitems_per_page = 25\n/);
    assert.match(toml, /\[\[feeds\]\]\nurl = "http:\/\/blog\.example\.org\/feed\/"\n# Alice's blog, with her face\nname = "Alice Example"\nextra = \{ face = "alice\.png", facewidth = "64", faceheight = "80" \}\n/);
    const data = parse(toml) as { planet: Record<string, unknown> };
    assert.equal(data.planet.output_dir, 'output');
    assert.equal(data.planet.database, 'cache/planet.db');
  });

  it('writes names with their HTML character references decoded', () => {
    const { toml } = iniToToml('[Planet]\nname = P\nlink = https://p.example.org/\nowner_name = Beno&icirc;t\n\n[http://a.example.org/feed]\nname = Ga&#235;l Varoquaux\n', '/planets/p/config.ini', '/');
    assert.match(toml, /owner_name = "Benoît"\n/);
    assert.match(toml, /name = "Gaël Varoquaux"\n/);
  });

  it('keeps absolute paths outside the config directory absolute', () => {
    const { toml } = iniToToml('[Planet]\nname = P\nlink = https://p.example.org/\noutput_dir = /srv/www\ncache_directory = cache\n', '/planets/p/config.ini', '/');
    assert.match(toml, /output_dir = "\/srv\/www"\ndatabase = "cache\/planet\.db"\n/);
  });

  it('lists what it could not convert in a comment block at the top', () => {
    const { toml, warnings } = iniToToml(readFileSync(fixture('unsupported.ini'), 'utf8'), fixture('unsupported.ini'));
    const head = toml.slice(0, toml.indexOf('\n[planet]'));
    assert.match(head, /# Not converted:\n/);
    for (const w of warnings) assert.ok(head.includes(`#   ${w.replace(/^config: .*?\.ini: /, '')}`), w);
  });
});
