// The browser proof: every XSS vector goes through the whole pipeline (a feed served on
// 127.0.0.1 -> `planet run` -> the published page) and the page is opened in Chromium, which
// must show no sign of script. The theme's CSP is taken out first, so that what stops script
// is the sanitizer, not the policy. A control run without sanitizing must show script, which
// proves the detector can see it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config/index.ts';
import { buildSite, updatePlanet } from '../pipeline/index.ts';
import { openStore } from '../store/index.ts';
import type { LocalServer } from './local-server.ts';
import { serveDirectory, serveDocuments } from './local-server.ts';
import type { Detector, Finding, PageReport } from './script-detector.ts';
import { launchDetector } from './script-detector.ts';
import type { Vector, VectorFeed } from './xss-feeds.ts';
import { buildVectorFeeds } from './xss-feeds.ts';

const bin = fileURLToPath(new URL('../../bin/planet.js', import.meta.url));
const defaultTheme = fileURLToPath(new URL('../../themes/default/', import.meta.url));
const vectors = JSON.parse(
  readFileSync(new URL('../sanitize/testdata/xss/vectors.json', import.meta.url), 'utf8'),
) as Vector[];

// 50 vectors make a feed of 100 entries, which gets its own feed page: small enough that a
// finding there points at few vectors.
const perPage = 50;
const cspMeta = /<meta http-equiv="Content-Security-Policy"[^>]*>\n?/gi;

/** A copy of the default theme without its CSP, so that only the sanitizer stands between a vector and the page. */
async function themeWithoutCsp(dir: string): Promise<string> {
  const theme = join(dir, 'theme-no-csp');
  await cp(defaultTheme, theme, { recursive: true });
  let removed = 0;
  for (const name of await readdir(theme)) {
    if (!name.endsWith('.html.njk')) continue;
    const template = await readFile(join(theme, name), 'utf8');
    removed += template.match(cspMeta)?.length ?? 0;
    await writeFile(join(theme, name), template.replace(cspMeta, ''));
  }
  assert.ok(removed > 0, 'the default theme no longer has the CSP meta tag this test removes');
  return theme;
}

/** Every HTML page of a published site, as paths under it ("index.html", "feeds/x.html"). */
async function htmlPages(output: string): Promise<string[]> {
  const files = await readdir(output, { recursive: true, encoding: 'utf8' });
  return files.filter((file) => file.endsWith('.html')).sort();
}

/** One planet subscribed to every vector feed; a page of the river holds 100 entries, a feed page a whole feed. */
async function writePlanet(dir: string, theme: string, feedUrls: readonly string[]): Promise<string> {
  await mkdir(dir, { recursive: true });
  const config = join(dir, 'planet.toml');
  const feedTables = feedUrls.map((url, i) => `[[feeds]]\nurl = "${url}"\nname = "vectors ${String(i + 1).padStart(2, '0')}"\n`);
  await writeFile(
    config,
    `[planet]\nname = "XSS proof"\nlink = "https://planet.test/"\ntheme = ${JSON.stringify(theme)}\n` +
      `items_per_page = 100\narchive_entries = 5000\n\n${feedTables.join('\n')}`,
  );
  return config;
}

// A run takes ~10 s here; past this limit the child is killed and the test fails naming it.
const RUN_LIMIT_MS = 180_000;

async function planetRun(config: string): Promise<void> {
  const child = spawn(process.execPath, [bin, 'run', '-q', '-c', config], { stdio: ['ignore', 'pipe', 'pipe'], timeout: RUN_LIMIT_MS });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  assert.equal(code, 0, `planet run -c ${config} ${signal === null ? 'failed' : `was stopped by ${signal} (limit ${RUN_LIMIT_MS / 1000} s)`}:\n${output}`);
}

// Where the proof is, for the message of a test that runs out of time.
let step = 'starting';

/** The control: the same pipeline in-process, with the test-only switch that skips sanitizing. */
async function unsanitizedRun(config: string): Promise<void> {
  const loaded = await loadConfig(config);
  const store = await openStore(loaded.planet.database);
  try {
    let fetched = 0;
    const onFeed = (): void => {
      step = `control: fetching, ${++fetched} of ${loaded.feeds.length} feeds done`;
    };
    const report = await updatePlanet(loaded, store, { unsafeRawHtml: true, onFeed });
    assert.equal(report.totals.failed, 0, JSON.stringify(report.feeds.map((f) => f.error)));
    step = 'control: building the site';
    await buildSite(loaded, store);
  } finally {
    await store.close();
  }
}

/** Runs `task` over `items`, `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

/** The feed a feed page (feeds/vectors-NN/) shows, if `url` is one. */
function feedOfPage(feeds: readonly VectorFeed[], url: string): VectorFeed | undefined {
  const match = /\/feeds\/vectors-(\d+)\/index\.html$/.exec(url);
  return match === null ? undefined : feeds[Number(match[1]) - 1];
}

function describeFindings(feeds: readonly VectorFeed[], report: PageReport): string {
  const lines = report.findings.slice(0, 20).map((f: Finding) => `  ${f.kind}: ${f.detail.slice(0, 300)}`);
  const feed = feedOfPage(feeds, report.url);
  const first = feed === undefined ? -1 : vectors.indexOf(feed.vectors[0] as Vector);
  const which = feed === undefined ? '' : ` (vectors ${first}-${first + feed.vectors.length - 1} of vectors.json)`;
  return `${report.url}${which}\n${lines.join('\n')}`;
}

describe('browser proof: no XSS vector runs script on the published page', () => {
  let dir: string;
  let feedServer: LocalServer;
  let detector: Detector;
  const feeds = buildVectorFeeds(vectors, perPage, new Date('2026-11-01T12:00:00Z'));
  const sites: LocalServer[] = [];
  const sayingWhereOnTimeout = (body: () => Promise<void>) => async (t: TestContext): Promise<void> => {
    let finished = false;
    t.signal.addEventListener('abort', () => {
      if (!finished) console.log(`${t.name}: stopped while ${step}`);
    });
    try {
      await body();
    } finally {
      finished = true;
    }
  };

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'planet-xss-'));
    feedServer = await serveDocuments(new Map(feeds.map((f) => [f.path, { type: 'application/atom+xml', body: f.xml }])));
    detector = await launchDetector();
  });
  after(async () => {
    await detector?.close();
    await Promise.all([feedServer?.close(), ...sites.map((site) => site.close())]);
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  /** Publishes the planet with `publish` and opens the HTML pages `pick` chooses. */
  async function publishAndInspect(
    name: string,
    publish: (config: string) => Promise<void>,
    pick: (page: string) => boolean,
  ): Promise<PageReport[]> {
    const planetDir = join(dir, name);
    const theme = await themeWithoutCsp(planetDir);
    step = `${name}: publishing`;
    await publish(await writePlanet(planetDir, theme, feeds.map((feed) => feedServer.origin + feed.path)));
    const output = join(planetDir, 'output');
    const site = await serveDirectory(output);
    sites.push(site);
    const pages = (await htmlPages(output)).filter(pick);
    const reports: PageReport[] = [];
    const reading = new Set<string>();
    await eachLimited(pages, 3, async (page) => {
      reading.add(page);
      step = `${name}: ${reports.length} of ${pages.length} pages read, reading ${[...reading].join(', ')}`;
      reports.push(await detector.inspect(`${site.origin}/${page}`));
      reading.delete(page);
    });
    step = `${name}: done`;
    return reports.sort((a, b) => a.url.localeCompare(b.url));
  }

  // Each test takes under a minute here; the limits turn a hang into a failure that says where.
  test('sanitized through `planet run`: every entry on its pages, no sign of script', { timeout: 600_000 }, sayingWhereOnTimeout(async () => {
    assert.equal(feeds.reduce((n, f) => n + f.vectors.length, 0), 1038);
    // Every page the theme writes: the river, the archive and feed pages, titles and excerpts.
    const reports = await publishAndInspect('sanitized', planetRun, () => true);
    const problems = reports.filter((r) => r.findings.length > 0).map((r) => describeFindings(feeds, r));
    // No vector may swallow the entries after it (an unclosed <textarea>, <plaintext>...).
    const total = feeds.reduce((n, f) => n + f.entries, 0);
    const river = reports.filter((r) => /^\/(page\/\d+\/)?index\.html$/.test(new URL(r.url).pathname));
    assert.equal(river.reduce((n, r) => n + r.entries, 0), total, 'the river pages do not show every entry once');
    feeds.forEach((feed, i) => {
      const page = reports.find((r) => feedOfPage(feeds, r.url) === feed);
      if (page?.entries !== feed.entries) problems.push(`feed page ${i + 1} shows ${page?.entries} of ${feed.entries} entries`);
    });
    // Titles and author names are text: a vector used as a title reads as itself.
    assert.equal(feeds.reduce((n, f) => n + f.textTitles.length, 0), Math.ceil(vectors.length / 10));
    const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();
    feeds.forEach((feed, i) => {
      const headings = new Set(reports.find((r) => feedOfPage(feeds, r.url) === feed)?.headings.map(collapse));
      for (const title of feed.textTitles) {
        const expected = collapse(`vectors ${String(i + 1).padStart(2, '0')}: ${title}`);
        if (!headings.has(expected)) problems.push(`feed page ${i + 1} has no heading ${JSON.stringify(expected)}`);
      }
    });
    console.log(`sanitized run: ${reports.length} pages, ${total} entries from ${vectors.length} vectors, no finding`);
    assert.deepEqual(problems, []);
  }));

  test('control without sanitizing: the detector sees script run', { timeout: 600_000 }, sayingWhereOnTimeout(async () => {
    const reports = await publishAndInspect('control', unsanitizedRun, (page) => page.startsWith('feeds/'));
    assert.equal(reports.length, feeds.length);
    const kinds = new Map<string, number>();
    for (const finding of reports.flatMap((r) => r.findings)) kinds.set(finding.kind, (kinds.get(finding.kind) ?? 0) + 1);
    const pagesWithExecution = reports.filter((r) => r.findings.some((f) => f.kind === 'canary' || f.kind === 'script-parsed'));
    console.log(`control run: ${JSON.stringify(Object.fromEntries(kinds))}; ${pagesWithExecution.length} of ${reports.length} pages ran script`);
    for (const kind of ['canary', 'dialog', 'script-parsed', 'page-error', 'request', 'navigation', 'latent']) {
      assert.ok((kinds.get(kind) ?? 0) > 0, `the control run found no "${kind}" finding`);
    }
    assert.ok(pagesWithExecution.length >= reports.length / 2, 'script ran on fewer than half the control pages');
  }));
});
