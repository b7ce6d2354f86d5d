// `planet health` end to end: a fixture server with one feed of each health status, two real
// `planet run`s (the second --force, so the failing feed has failed twice), then `planet health`
// classifies each feed from the store, and `--fix` rewrites the config as testdata/health/fixed.*.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FaultHost, FaultRoute } from '../fetch/testdata/fault-server.ts';
import { feedRoute, redirectRoute, startFaultHost } from '../fetch/testdata/fault-server.ts';
import type { HealthReport } from '../health/index.ts';
import { schemaProblems } from './testdata/json-schema.ts';
import { planet } from './testdata/run-planet.ts';

const testdata = new URL('./testdata/health/', import.meta.url);
const schemaFile = new URL('../../docs/report-schema.json', import.meta.url);
const DAY = 24 * 3600_000;


/** An RSS feed with one entry dated `daysAgo` days before now, named after `key`. */
function feedDated(key: string, daysAgo: number): FaultRoute {
  const date = new Date(Date.now() - daysAgo * DAY).toUTCString();
  return feedRoute(
    () => `<?xml version="1.0"?><rss version="2.0"><channel><title>${key}</title><link>http://${key}.example/</link><description>d</description>
<item><title>${key} post</title><link>http://${key}.example/1</link><guid>${key}-1</guid><pubDate>${date}</pubDate></item></channel></rss>`,
  );
}

const page: FaultRoute = (_req, res) =>
  void res
    .writeHead(200, { 'content-type': 'text/html' })
    .end('<!DOCTYPE html><html><head><title>Blog</title><link rel="alternate" type="application/rss+xml" href="feed.xml"></head><body>hi</body></html>');

describe('planet health over a fixture server with one feed per status', () => {
  let host: FaultHost;
  let dir: string;
  let config: string;
  const fill = (text: string): string => text.replaceAll('@ORIGIN@', host.origin);
  const expected = async (name: string): Promise<string> => fill(await readFile(new URL(name, testdata), 'utf8'));
  let report: HealthReport;
  const feed = (name: string): HealthReport['feeds'][number] => {
    const found = report.feeds.find((f) => f.name === name);
    assert.ok(found, `no feed named ${name}`);
    return found;
  };

  before(async () => {
    host = await startFaultHost('127.0.0.93', {
      '/ok.xml': feedDated('ok', 1),
      '/failing.xml': (_req, res) => void res.writeHead(500).end('oops'),
      '/gone.xml': (_req, res) => void res.writeHead(410).end('gone'),
      '/stale.xml': feedDated('stale', 400),
      '/moved.xml': redirectRoute(301, '/new-home.xml'),
      '/new-home.xml': feedDated('moved', 2),
      '/dup.xml': redirectRoute(301, '/ok.xml'),
      '/mirror-a.xml': redirectRoute(308, '/shared.xml'),
      '/mirror-b.xml': redirectRoute(301, '/shared.xml'),
      '/shared.xml': feedDated('shared', 3),
      '/blog/': page,
      '/blog/feed.xml': feedDated('blog', 1),
      '/temp-a.xml': redirectRoute(302, '/landing.xml'),
      '/temp-b.xml': redirectRoute(307, '/landing.xml'),
      '/landing.xml': feedDated('landing', 1),
    });
    dir = await mkdtemp(join(tmpdir(), 'planet-health-e2e-'));
    config = join(dir, 'planet.toml');
    await writeFile(config, await expected('planet.toml.in'));
    const first = await planet(['run', '-q', '-c', config]);
    assert.equal(first.code, 0, first.stderr);
    const second = await planet(['run', '-q', '--force', '-c', config]);
    assert.equal(second.code, 0, second.stderr);
    const health = await planet(['health', '--json', '-c', config]);
    assert.equal(health.code, 0, health.stderr);
    report = JSON.parse(health.stdout) as HealthReport;
  });

  after(async () => {
    await host.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('prints a report that matches docs/report-schema.json', async () => {
    const schema = JSON.parse(await readFile(schemaFile, 'utf8')) as Record<string, unknown>;
    assert.deepEqual(schemaProblems(report, schema), []);
    assert.notDeepEqual(schemaProblems({ ...report, feeds: [{ ...report.feeds[0], status: 'fine' }] }, schema), []);
  });

  it('classifies each feed and suggests the edit that fixes it', () => {
    const url = (path: string): string => host.url(path);
    assert.deepEqual(feed('Works').statuses, ['ok']);
    assert.equal(feed('Works').suggestion, null);
    assert.equal(feed('Works').lastError, null);

    const failing = feed('Broken Server');
    assert.deepEqual(failing.statuses, ['failing']);
    assert.equal(failing.consecutiveFailures, 2);
    assert.equal(failing.lastError?.code, 'http-status');
    assert.match(failing.lastError?.message ?? '', /500/);
    assert.equal(failing.lastSuccessAt, null);
    assert.deepEqual(failing.runs.map((r) => r.outcome), ['failed', 'failed']);
    // Two failures are far from dead_after_days: no edit proposed yet.
    assert.equal(failing.suggestion, null);

    assert.deepEqual(feed('Gone Away').statuses, ['gone']);
    assert.deepEqual(feed('Gone Away').suggestion, { action: 'remove', url: url('/gone.xml'), newUrl: null, reason: feed('Gone Away').suggestion?.reason });
    assert.match(feed('Gone Away').suggestion?.reason ?? '', /410 Gone/);

    assert.deepEqual(feed('Quiet Author').statuses, ['stale']);
    assert.ok(Date.now() - Date.parse(feed('Quiet Author').lastEntryAt ?? '') > 399 * DAY);
    assert.equal(feed('Quiet Author').suggestion, null);

    assert.deepEqual(feed('Moved House').statuses, ['redirected']);
    assert.equal(feed('Moved House').movedTo, url('/new-home.xml'));
    assert.equal(feed('Moved House').suggestion?.action, 'replace-url');
    assert.equal(feed('Moved House').suggestion?.newUrl, url('/new-home.xml'));

    assert.deepEqual(feed('Works Again').statuses, ['duplicate', 'redirected']);
    assert.equal(feed('Works Again').duplicateOf, url('/ok.xml'));
    assert.equal(feed('Works Again').suggestion?.action, 'remove');

    // Two subscriptions moved to one new URL: the first follows the move, the second goes.
    assert.deepEqual(feed('Mirror A').statuses, ['redirected']);
    assert.equal(feed('Mirror A').suggestion?.newUrl, url('/shared.xml'));
    assert.deepEqual(feed('Mirror B').statuses, ['duplicate', 'redirected']);
    assert.equal(feed('Mirror B').duplicateOf, url('/mirror-a.xml'));
    assert.equal(feed('Mirror B').suggestion?.action, 'remove');

    const home = feed('Home Page');
    assert.deepEqual(home.statuses, ['failing', 'html-not-feed']);
    assert.equal(home.lastError?.code, 'html-not-feed');
    assert.deepEqual(home.suggestion && [home.suggestion.action, home.suggestion.newUrl], ['use-feed-url', url('/blog/feed.xml')]);

    // Temporary redirects to one feed: not a move to propose, but the same feed twice.
    assert.deepEqual(feed('Temp A').statuses, ['ok']);
    assert.deepEqual(feed('Temp B').statuses, ['duplicate']);
    assert.equal(feed('Temp B').duplicateOf, url('/temp-a.xml'));
    assert.equal(feed('Temp B').suggestion?.action, 'remove');
    assert.match(feed('Temp B').suggestion?.reason ?? '', /both lead to \S+\/landing\.xml/);

    assert.equal(report.totals.feeds, 11);
    assert.equal(report.totals.suggestions, 7);
  });

  it('prints one table line per feed and the suggestions for people', async () => {
    const run = await planet(['health', '-c', config]);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.match(lines[0] ?? '', /^STATUS\s+LAST OK\s+LAST ENTRY\s+FEED$/);
    assert.match(run.stdout, /^failing 2 runs\s+-\s+-\s+Broken Server <\S+\/failing\.xml> {2}\[http-status\]/m);
    assert.match(run.stdout, /^health: 11 feeds: /m);
    assert.match(run.stdout, /^ {2}use-feed-url {1}\S+\/blog\/ -> \S+\/blog\/feed\.xml: /m);
  });

  it('exits 3 when --fail-on names a status some feed has, 0 when none has it', async () => {
    const matched = await planet(['health', '--fail-on', 'gone,stale', '-c', config]);
    assert.equal(matched.code, 3, matched.stderr);
    assert.match(matched.stderr, /2 feeds matched --fail-on gone,stale/);
    const clean = await planet(['health', '--fail-on', 'never-fetched', '-c', config]);
    assert.equal(clean.code, 0, clean.stderr);
    const wrong = await planet(['health', '--fail-on', 'broken', '-c', config]);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /unknown status "broken"/);
  });

  it('--fix without a terminal and without --yes shows the diff and leaves the config alone', async () => {
    const before = await readFile(config, 'utf8');
    const run = await planet(['health', '--fix', '-c', config]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^-url = "\S+\/gone\.xml"$/m);
    assert.match(run.stdout, /^\+url = "\S+\/new-home\.xml"$/m);
    assert.match(run.stdout, /left unchanged \(no terminal to ask on; pass --yes to write\)/);
    assert.equal(await readFile(config, 'utf8'), before);
  });

  it('--fix --yes writes the TOML config as expected, keeping a backup', async () => {
    const original = await readFile(config, 'utf8');
    const run = await planet(['health', '--fix', '--yes', '--json', '-c', config]);
    assert.equal(run.code, 0, run.stderr);
    JSON.parse(run.stdout);
    assert.match(run.stderr, /fix: wrote /);
    assert.equal(await readFile(config, 'utf8'), await expected('fixed.toml'));
    assert.equal(await readFile(`${config}.bak`, 'utf8'), original);
    // Fixed: the moved feeds' new URLs are not fetched yet, and nothing is left to change.
    const again = await planet(['health', '--fix', '--yes', '-c', config]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /^never-fetched\s.*Moved House <\S+\/new-home\.xml>$/m);
    assert.match(again.stdout, /^fix: nothing to change in the config$/m);
  });

  it('classifies the same from a Planet 2.0 config.ini and --fix --yes edits it as expected', async () => {
    // The INI subscribes the same URLs and uses the same store (planet.db beside it).
    const ini = join(dir, 'config.ini');
    await writeFile(ini, await expected('config.ini.in'));
    const health = await planet(['health', '--json', '-c', ini]);
    assert.equal(health.code, 0, health.stderr);
    const fromIni = JSON.parse(health.stdout) as HealthReport;
    assert.deepEqual(fromIni.feeds.map((f) => [f.url, f.statuses, f.suggestion?.action]), report.feeds.map((f) => [f.url, f.statuses, f.suggestion?.action]));
    const run = await planet(['health', '--fix', '--yes', '-c', ini]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^-\[\S+\/gone\.xml\]$/m);
    assert.equal(await readFile(ini, 'utf8'), await expected('fixed.ini'));
  });
});
