// The drop-in proof for Planet 2.0: a config.ini in the style of Planet Python's, with ~50 feed
// sections (names, hidden feeds, faces, per-feed filter / exclude) and htmltmpl templates modelled
// on Planet 2.0's (index.html.tmpl, rss20.xml.tmpl, opml.xml.tmpl, foafroll.xml.tmpl), run with
// `planet run -c config.ini` unchanged against feeds served on 127.0.0.1. The outputs are compared
// with committed goldens (only the run's timestamps and the server's port normalised) and read back.
// After an intended change: `UPDATE_GOLDEN=1 node scripts/run-tests.js src/e2e/planet2`.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseFeed } from '../../parse/index.ts';
import { parseFoaf, parseOpml } from '../../readinglist/index.ts';
import { createStrftime } from '../../render/strftime.ts';
import { wellFormednessProblems } from '../../render/xml-well-formed.test-helper.ts';
import { horizontalOverflow, loadFully, openBrowser, watchProblems } from '../../../examples/demo/browser.ts';
import { serveDirectory } from '../local-server.ts';
import type { LocalServer } from '../local-server.ts';

const testdata = fileURLToPath(new URL('./testdata/', import.meta.url));
const bin = fileURLToPath(new URL('../../../bin/planet.js', import.meta.url));
const update = process.env.UPDATE_GOLDEN === '1';
const outputs = ['index.html', 'rss20.xml', 'opml.xml', 'foafroll.xml'];
/** The fixture server's origin in the goldens. */
const feedsOrigin = 'http://feeds.test';
/** The feeds config.ini marks `hidden`, by the slug in their URLs. */
const hidden = ['farah-nakamura', 'mira-sato', 'stack-garden'];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  started: Date;
  ended: Date;
}

async function planet(args: string[], cwd: string): Promise<Run> {
  const started = new Date();
  const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr, started, ended: new Date() };
}

/**
 * The output with the run's own timestamps (the top-level date, date_iso, date_822: when the
 * planet fetched, some second of the run) and the fixture server's origin replaced.
 */
function normalise(text: string, run: Run, origin: string): string {
  const local = createStrftime('UTC', 'en');
  let out = text.split(origin).join(feedsOrigin);
  for (let t = Math.floor(run.started.getTime() / 1000) - 1; t <= Math.ceil(run.ended.getTime() / 1000) + 1; t++) {
    const at = new Date(t * 1000);
    out = out
      .split(local('%B %d, %Y %I:%M %p %Z', at)).join('{run date}')
      .split(local('%Y-%m-%dT%H:%M:%S+00:00', at)).join('{run date_iso}')
      .split(local('%a, %d %b %Y %H:%M:%S +0000', at)).join('{run date_822}');
  }
  return out;
}

async function compareWithGolden(name: string, text: string): Promise<void> {
  const golden = join(testdata, 'golden', name);
  if (update) {
    await mkdir(join(testdata, 'golden'), { recursive: true });
    await writeFile(golden, text);
  }
  assert.ok(existsSync(golden), `no golden ${name}; run with UPDATE_GOLDEN=1 to write it`);
  assert.equal(text, await readFile(golden, 'utf8'), `${name} differs from its golden (UPDATE_GOLDEN=1 rewrites it after an intended change)`);
}

/** A copy of the fixture planet (config.ini naming the server, templates) in a fresh directory. */
async function plantFixture(origin: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'planet2-'));
  await cp(join(testdata, 'site'), join(dir, 'site'), { recursive: true });
  // Planet 2.0 created its cache_directory on first use; here it is made as an admin would.
  await mkdir(join(dir, 'cache'));
  const ini = await readFile(join(testdata, 'config.ini'), 'utf8');
  await writeFile(join(dir, 'config.ini'), ini.replaceAll('[FEEDS/', `[${origin}/`));
  return dir;
}

describe('planet run -c config.ini on a Planet 2.0 planet', () => {
  let server: LocalServer;
  let dir: string;
  let run: Run;
  const output = (name: string): Promise<string> => readFile(join(dir, 'output', name), 'utf8');

  before(async () => {
    server = await serveDirectory(join(testdata, 'feeds'));
    dir = await plantFixture(server.origin);
    run = await planet(['run', '-c', 'config.ini'], dir);
  });
  after(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('publishes the site, the broken feed failing alone', () => {
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /data-dojo-rss\.xml/);
  });

  it('warns once about the option it does not support', () => {
    const warnings = `${run.stdout}${run.stderr}`.match(/log_level/g) ?? [];
    assert.equal(warnings.length, 1, `${run.stdout}\n${run.stderr}`);
  });

  for (const name of outputs) {
    it(`writes ${name} as its golden`, async () => {
      await compareWithGolden(name, normalise(await output(name), run, server.origin));
    });
  }

  it('gives rss20.xml the items_per_page of its own section, and index.html that of [Planet]', async () => {
    assert.equal((await output('rss20.xml')).match(/<item>/g)?.length, 10);
    const front = await output('index.html');
    assert.equal(front.match(/<div class="entry[ "]/g)?.length, 25, 'the front page shows [Planet] items_per_page entries');
  });

  it('publishes health.html on its own beside the templates: every feed, and only links that resolve', async () => {
    const health = await output('health.html');
    assert.match(health, /Feed health/);
    assert.match(health, /data-dojo-rss\.xml/, 'the failing feed is listed');
    assert.doesNotMatch(health, /class="sidebar"|class="site-nav"|feeds\//, 'nothing of the theme pages a template site does not have');
    // Every local reference (stylesheet, icon, avatars, the planet's front page) is a published file.
    const local = [...health.matchAll(/(?:href|src)="([^"#]+)"/g)].map((m) => m[1] as string).filter((ref) => !/^[a-z]+:/i.test(ref));
    assert.ok(local.length >= 3, local.join(' '));
    for (const ref of local) assert.ok(existsSync(join(dir, 'output', ref === './' ? 'index.html' : ref)), `${ref} is not published`);
  });

  it('health.html opens in Chromium with no console error, failed request or CSP violation', async () => {
    const site = await serveDirectory(join(dir, 'output'));
    const browser = await openBrowser(1280);
    try {
      const page = await browser.newPage();
      const problems = watchProblems(page);
      await loadFully(page, `${site.origin}/health.html`);
      assert.deepEqual(problems, []);
      assert.deepEqual(await horizontalOverflow(page), { overflow: 0, culprits: [] });
      // Every avatar decoded (a local file served with an image type), none shown broken.
      const images = (await page.evaluate('Array.from(document.images, (img) => [img.getAttribute("src"), img.naturalWidth])')) as Array<[string, number]>;
      assert.ok(images.length >= 40, `${images.length} images`);
      assert.deepEqual(images.filter(([, width]) => width === 0), []);
    } finally {
      await browser.close();
      await site.close();
    }
  });

  it('copies the bill of materials and the theme assets', async () => {
    assert.equal(await output('planet.css'), await readFile(join(testdata, 'site', 'planet.css'), 'utf8'));
    assert.equal(await output('images/planet.png'), 'planet.png stand-in\n');
  });

  it('writes feeds our own parser reads back', async () => {
    const rss = await output('rss20.xml');
    assert.deepEqual(wellFormednessProblems(rss), []);
    const feed = parseFeed(rss, { url: 'https://planet2.example.org/rss20.xml' });
    assert.equal(feed.title, 'Planet Drop-in');
    assert.equal(feed.entries.length, 10, 'the items_per_page of [site/rss20.xml.tmpl]');
    assert.ok(feed.entries.every((entry) => entry.link?.startsWith('https://') && entry.published !== undefined));
    assert.ok(feed.entries.some((entry) => entry.content?.includes('<em>') || entry.summary?.includes('<em>')));
  });

  it('lists every subscription in OPML and FOAF, the hidden ones too (as Planet 2.0)', async () => {
    for (const name of ['opml.xml', 'foafroll.xml']) assert.deepEqual(wellFormednessProblems(await output(name)), [], name);
    const opml = parseOpml(await output('opml.xml'));
    const foaf = parseFoaf(await output('foafroll.xml'));
    assert.equal(opml.length, 50);
    assert.equal(foaf.length, 50);
    for (const slug of hidden) {
      assert.ok(opml.some((feed) => feed.url.includes(slug)), slug);
      assert.ok(foaf.some((feed) => feed.url.includes(slug)), slug);
    }
  });

  it("leaves a hidden feed's entries out of the river and the RSS feed, but lists it in Channels", async () => {
    const index = await output('index.html');
    const rss = await output('rss20.xml');
    for (const slug of hidden) {
      assert.doesNotMatch(index, new RegExp(`https://${slug}\\.example/2026/`), slug);
      assert.doesNotMatch(rss, new RegExp(`https://${slug}\\.example/2026/`), slug);
    }
    assert.doesNotMatch(index, />Farah Nakamura<\/a><\/h3>/);
    assert.match(index, />Farah Nakamura<\/a>/);
  });

  it('prints the names written with HTML character references as their characters', async () => {
    for (const name of ['index.html', 'opml.xml', 'foafroll.xml']) {
      const text = await output(name);
      assert.match(text, /Nils Ekström/, name);
      assert.match(text, /Pavel Novák/, name);
      assert.doesNotMatch(text, /&amp;ouml;|&amp;#225;|&ouml;|&#225;/, name);
    }
  });
});

describe('planet import: the TOML made from config.ini publishes the same site', () => {
  let server: LocalServer;
  let dir: string;
  let run: Run;
  let imported: Run;

  before(async () => {
    server = await serveDirectory(join(testdata, 'feeds'));
    dir = await plantFixture(server.origin);
    imported = await planet(['import', 'config.ini'], dir);
    await writeFile(join(dir, 'planet.toml'), imported.stdout);
    run = await planet(['run', '-c', 'planet.toml'], dir);
  });
  after(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('converts the config, naming what it could not convert', () => {
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /template_files = \[/);
    assert.match(imported.stderr, /log_level/);
  });

  for (const name of outputs) {
    it(`writes the same ${name}`, async () => {
      assert.equal(run.code, 0, run.stderr);
      const text = normalise(await readFile(join(dir, 'output', name), 'utf8'), run, server.origin);
      assert.equal(text, await readFile(join(testdata, 'golden', name), 'utf8'));
    });
  }
});
