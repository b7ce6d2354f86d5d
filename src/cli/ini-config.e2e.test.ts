import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startFeedServer } from './testdata/feed-server.ts';
import { planet } from './testdata/run-planet.ts';



const warningLines = (stderr: string): string[] => stderr.split('\n').filter((l) => l.startsWith('warning: '));

describe('planet run -c config.ini, and planet import', () => {
  let server: Awaited<ReturnType<typeof startFeedServer>>;
  let dir: string;
  let ini: string;

  before(async () => {
    server = await startFeedServer();
    dir = await mkdtemp(join(tmpdir(), 'planet-ini-'));
    ini = join(dir, 'config.ini');
    // Planet 2.0 style; log_level and a per-feed future_dates (in both feeds) are not supported.
    await writeFile(ini, `# Planet Test, as Planet 2.0 would read it
[Planet]
name = Planet Test
link = https://planet.test/
owner_name = Jane Doe
owner_email = jane@planet.test
items_per_page = 10
output_dir = output
cache_directory = cache
log_level = DEBUG
feed_timeout = 10

[DEFAULT]
facewidth = 64

[${server.origin}/alpha.xml]
name = Alpha
face = alpha.png
future_dates = keep

[${server.origin}/beta.xml]
name = Beta
future_dates = keep
`);
  });
  after(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('run fetches the feeds in the INI, publishes the site, and prints each warning once', async () => {
    const run = await planet(['run', '-c', ini]);
    assert.equal(run.code, 0, run.stderr);
    const warnings = warningLines(run.stderr);
    assert.equal(warnings.length, 2, run.stderr);
    assert.match(warnings[0] ?? '', /config\.ini: \[Planet\] log_level: not supported/);
    assert.match(warnings[1] ?? '', /config\.ini: \[http:\/\/127\.0\.0\.1:\d+\/alpha\.xml\] future_dates \(also in 1 other section\): applies to the whole planet/);
    assert.match(run.stdout, /update: 2 feeds .* 2 updated/);
    assert.ok(existsSync(join(dir, 'cache', 'planet.db')), 'the store lives in cache_directory');
    const index = await readFile(join(dir, 'output', 'index.html'), 'utf8');
    assert.match(index, /Alpha newest/);
    assert.match(index, /Beta middle/);
  });

  it('build prints the warnings once too; import writes TOML that builds the same site without them', async () => {
    const build = await planet(['build', '-c', ini]);
    assert.equal(build.code, 0, build.stderr);
    assert.equal(warningLines(build.stderr).length, 2, build.stderr);
    const before = await readFile(join(dir, 'output', 'index.html'), 'utf8');

    const imported = await planet(['import', ini]);
    assert.equal(imported.code, 0, imported.stderr);
    assert.equal(warningLines(imported.stderr).length, 2, imported.stderr);
    assert.match(imported.stdout, /^# Converted from .*config\.ini/);
    assert.match(imported.stdout, /# Planet Test, as Planet 2\.0 would read it\n\[planet\]/);
    const toml = join(dir, 'planet.toml');
    await writeFile(toml, imported.stdout);

    const rebuilt = await planet(['build', '-c', toml]);
    assert.equal(rebuilt.code, 0, rebuilt.stderr);
    assert.deepEqual(warningLines(rebuilt.stderr), []);
    assert.equal(await readFile(join(dir, 'output', 'index.html'), 'utf8'), before);
  });

  it('a bad value fails the run, naming the INI section and option', async () => {
    const bad = join(dir, 'bad.ini');
    await writeFile(bad, '[Planet]\nname = X\nlink = https://planet.test/\nitems_per_page = lots\n');
    const run = await planet(['run', '-c', bad]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /bad\.ini:4: \[Planet\] items_per_page: expected a whole number, got "lots"/);
  });
});
