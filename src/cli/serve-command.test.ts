import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcessByStdio } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/planet.js', import.meta.url));
const defaultTheme = fileURLToPath(new URL('../../themes/default/', import.meta.url));

/** Lines a child prints, awaitable one pattern at a time (no sleeps: we wait for what it says). */
function lines(stream: Readable): (pattern: RegExp) => Promise<string> {
  const seen: string[] = [];
  const waiting: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];
  let buffer = '';
  stream.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const line of parts) {
      const match = waiting.find((w) => w.pattern.test(line));
      if (match === undefined) {
        seen.push(line);
        continue;
      }
      waiting.splice(waiting.indexOf(match), 1);
      match.resolve(line);
    }
  });
  return (pattern) => {
    const found = seen.find((line) => pattern.test(line));
    if (found !== undefined) {
      seen.splice(seen.indexOf(found), 1);
      return Promise.resolve(found);
    }
    return new Promise((resolve) => waiting.push({ pattern, resolve }));
  };
}

function get(url: string, path: string): Promise<{ status: number; type?: string; body: string; location?: string }> {
  return new Promise((resolve, reject) => {
    // http.request keeps the path as given, so "/../" reaches the server un-normalized.
    const req = request(new URL(url), { path }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body, location: res.headers.location }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('planet serve', () => {
  let dir: string;
  let child: ChildProcessByStdio<null, Readable, Readable>;
  let next: (pattern: RegExp) => Promise<string>;
  let url: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'planet-serve-'));
    await cp(defaultTheme, join(dir, 'theme'), { recursive: true });
    await writeFile(join(dir, 'secret.txt'), 'not for the web');
    await writeFile(
      join(dir, 'planet.toml'),
      '[planet]\nname = "Served Planet"\nlink = "https://served.example/"\ntheme = "theme"\n\n[[feeds]]\nurl = "https://a.example/feed.xml"\nname = "A"\n',
    );
    child = spawn(process.execPath, [bin, 'serve', '-c', join(dir, 'planet.toml'), '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    next = lines(child.stdout);
    const line = await next(/^serve: .* at http:/);
    url = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(line)?.[1] ?? '';
  });
  after(async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the built site on 127.0.0.1 with content types and folder index pages', async () => {
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const index = await get(url, '/');
    assert.equal(index.status, 200);
    assert.equal(index.type, 'text/html; charset=utf-8');
    assert.match(index.body, /Served Planet/);
    assert.equal((await get(url, '/atom.xml')).type, 'application/xml; charset=utf-8');
    assert.equal((await get(url, '/feeds/a/')).status, 200);
    assert.deepEqual(await get(url, '/feeds/a').then((r) => [r.status, r.location]), [301, '/feeds/a/']);
    assert.equal((await get(url, '/nope.html')).status, 404);
  });

  it('serves nothing outside the output directory', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const res = await get(url, path);
      assert.notEqual(res.body, 'not for the web', path);
      assert.equal(res.status, 404, path);
    }
  });

  it('rebuilds when a theme template changes', async () => {
    const template = join(dir, 'theme', 'index.html.njk');
    const text = await readFile(template, 'utf8');
    await writeFile(template, text.replace('{% block main %}', '{% block main %}<p id="edited">edited theme</p>'));
    await next(/^serve: rebuilt after a change to .*theme/);
    assert.match((await get(url, '/')).body, /edited theme/);
  });

  it('rebuilds when the config changes, and keeps serving when the new config is broken', async () => {
    const config = join(dir, 'planet.toml');
    const text = await readFile(config, 'utf8');
    await writeFile(config, text.replace('Served Planet', 'Renamed Planet'));
    await next(/^serve: rebuilt after a change to .*planet\.toml/);
    assert.match((await get(url, '/')).body, /Renamed Planet/);
    const errors = lines(child.stderr);
    await writeFile(config, `${text}\nbogus_key = 1\n`);
    assert.match(await errors(/not rebuilt/), /planet\.toml/);
    assert.match(await errors(/bogus_key/), /unknown key/, 'the config problem is printed');
    assert.match((await get(url, '/')).body, /Renamed Planet/, 'the last good site is still served');
  });

  // A missed change would leave next() waiting: the timeout turns that into a failure.
  it('rebuilds when one of the config\'s template_files changes', { timeout: 30_000 }, async () => {
    await mkdir(join(dir, 'templates'), { recursive: true });
    const template = join(dir, 'templates', 'index.html.tmpl');
    await writeFile(template, '<html><body><p>first <TMPL_VAR name></p></body></html>');
    await writeFile(
      join(dir, 'planet.toml'),
      '[planet]\nname = "Templated"\nlink = "https://served.example/"\ntheme = "theme"\ntemplate_files = ["templates/index.html.tmpl"]\n\n[[feeds]]\nurl = "https://a.example/feed.xml"\nname = "A"\n',
    );
    await next(/^serve: rebuilt after a change to .*planet\.toml/);
    assert.match((await get(url, '/')).body, /first Templated/);
    await writeFile(template, '<html><body><p>second <TMPL_VAR name></p></body></html>');
    await next(/^serve: rebuilt after a change to .*index\.html\.tmpl/);
    assert.match((await get(url, '/')).body, /second Templated/);
  });

  it('stops cleanly on SIGTERM with exit code 0', async () => {
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 0);
  });
});
