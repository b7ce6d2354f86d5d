import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from './run-cli.ts';
import { startDiscoverServer } from './testdata/discover-server.ts';

interface Run {
  code: number;
  out: string;
  err: string;
}

async function planet(...args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('planet check, add and remove against a fixture server', () => {
  let server: Awaited<ReturnType<typeof startDiscoverServer>>;
  let dir: string;
  let config: string;
  let fixture: (name: string) => Promise<string>;

  before(async () => {
    server = await startDiscoverServer();
    dir = await mkdtemp(join(tmpdir(), 'planet-add-'));
    config = join(dir, 'planet.toml');
    fixture = async (name) => (await readFile(new URL(`./testdata/check-add/${name}`, import.meta.url), 'utf8')).replaceAll('{{origin}}', server.origin);
    await writeFile(config, await fixture('planet.toml'));
  });
  after(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('check on a web page lists its feeds in order and previews the first one\'s entries', async () => {
    const run = await planet('check', `${server.origin}/`, '-c', config);
    assert.equal(run.code, 0, run.err);
    const lines = run.out.split('\n');
    assert.ok(lines.includes(`  1. ${server.origin}/feed.xml "Gamma posts" (application/rss+xml)   <- checked`), run.out);
    assert.ok(lines.includes(`  2. ${server.origin}/comments.xml "Gamma comments" (application/atom+xml)`), run.out);
    assert.match(run.out, /^subscribed: no/m);
    const entries = lines.filter((line) => /^ {2}(\d{4}-|\(not)/.test(line));
    // Newest first as the river would place them: the future entry and the undated one are placed now.
    const titles = entries.map((line) => /Gamma [a-z ]+/.exec(line)?.[0].trim());
    assert.deepEqual([titles.slice(0, 2).sort(), titles.slice(2)], [['Gamma from the future', 'Gamma undated'], ['Gamma second', 'Gamma first']]);
    assert.match(run.out, /Gamma from the future .*dated 2100-01-01 00:00, in the future: placed when first seen/);
    assert.match(run.out, /Gamma undated .*no date: placed when first seen/);
    // new_feed_items = 2: a feed joining a running planet shows its newest two (here the two placed now).
    assert.match(run.out, /Gamma first .*back catalogue/);
    assert.match(run.out, /Gamma second .*back catalogue/);
    assert.doesNotMatch(run.out, /Gamma undated .*back catalogue/);
    assert.match(run.out, /^filters: none configured$/m);
    assert.match(run.out, /1 of 4 entries have no date/);
    assert.match(run.out, /1 entry is dated in the future .*future_dates = "ignore_date"/);
    assert.match(run.out, /summary-only feed/);
  });

  it('check shows what the configured filters would drop', async () => {
    const filtered = join(dir, 'filtered.toml');
    await writeFile(filtered, `${await fixture('planet.toml')}\n[filters]\nexclude = "second"\n`);
    const run = await planet('check', `${server.origin}/feed.xml`, '-c', filtered);
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /^filters:\n {2}\[filters\]: drop entries matching \/second\/$/m);
    assert.match(run.out, /Gamma second .*dropped by filters: its title or content matches exclude \/second\//);
    assert.doesNotMatch(run.out, /Gamma first .*dropped/);
  });

  it('check --json and --pick: the second advertised feed, as data', async () => {
    const run = await planet('check', `${server.origin}/`, '-c', config, '--json', '--pick', '2');
    assert.equal(run.code, 0, run.err);
    const report = JSON.parse(run.out) as { page: { feeds: { url: string }[]; picked: number }; feed: { url: string; title: string }; entries: { title: string; placement: string }[]; subscribed?: unknown };
    assert.deepEqual(report.page.feeds.map((f) => f.url), [`${server.origin}/feed.xml`, `${server.origin}/comments.xml`]);
    assert.equal(report.page.picked, 2);
    assert.deepEqual([report.feed.url, report.feed.title], [`${server.origin}/comments.xml`, 'Gamma comments']);
    assert.deepEqual(report.entries.map((e) => [e.title, e.placement]), [['Re: Gamma second', 'dated']]);
    assert.equal(report.subscribed, undefined);
  });

  it('check says a subscribed feed is subscribed, also when reached through a permanent redirect', async () => {
    const direct = await planet('check', `${server.origin}/alpha.xml`, '-c', config);
    assert.match(direct.out, new RegExp(`^subscribed: yes, as "Alpha" <${server.origin}/alpha.xml>$`, 'm'));
    const moved = await planet('check', `${server.origin}/moved.xml`, '-c', config, '--json');
    assert.equal(JSON.parse(moved.out).feed.url, `${server.origin}/feed.xml`, 'a 301 names the feed\'s new home');
    const said = await planet('check', `${server.origin}/moved.xml`, '-c', config);
    assert.match(said.out, /moved\.xml redirects there permanently: subscribe to the new URL/);
  });

  it('add appends the first advertised feed, and the next run publishes its entries', async () => {
    const added = await planet('add', `${server.origin}/`, '-c', config);
    assert.equal(added.code, 0, added.err);
    assert.match(added.out, new RegExp(`add: subscribed to "Gamma posts" <${server.origin}/feed.xml> \\(feed 1 of the 2`));
    assert.match(added.out, /^ {2}\+ \[\[feeds\]\]$/m);
    assert.equal(await readFile(config, 'utf8'), await fixture('planet-added.toml'));

    const run = await planet('run', '-c', config, '-q');
    assert.equal(run.code, 0, run.err);
    const index = await readFile(join(dir, 'output', 'index.html'), 'utf8');
    // The planet's first run places every entry by its own date; the future one is placed now.
    for (const title of ['Alpha post', 'Gamma second', 'Gamma first', 'Gamma undated', 'Gamma from the future']) assert.ok(index.includes(title), title);
    assert.ok((await readFile(join(dir, 'output', 'opml.xml'), 'utf8')).includes(`${server.origin}/feed.xml`));
  });

  it('add refuses a feed already subscribed and a page that advertises no feed, with exit 1', async () => {
    const again = await planet('add', `${server.origin}/`, '-c', config);
    assert.equal(again.code, 1);
    assert.match(again.err, /add: .*\/feed\.xml is already subscribed in .*planet\.toml as "Gamma posts"/);
    const plain = await planet('add', `${server.origin}/plain`, '-c', config);
    assert.equal(plain.code, 1);
    assert.match(plain.err, /is a web page, not a feed, and it advertises no feed/);
    assert.equal(await readFile(config, 'utf8'), await fixture('planet-added.toml'), 'nothing written');
  });

  it('remove by name takes the feed out, and the next run no longer lists it', async () => {
    const removed = await planet('remove', 'gamma posts', '-c', config);
    assert.equal(removed.code, 0, removed.err);
    assert.match(removed.out, /its entries stay in the store/);
    assert.equal(await readFile(config, 'utf8'), await fixture('planet.toml'));
    const run = await planet('run', '-c', config, '-q');
    assert.equal(run.code, 0, run.err);
    assert.ok(!(await readFile(join(dir, 'output', 'opml.xml'), 'utf8')).includes(`${server.origin}/feed.xml`));
    assert.ok(!(await readFile(join(dir, 'output', 'index.html'), 'utf8')).includes('Gamma second'));
    const unknown = await planet('remove', 'Nobody', '-c', config);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /no feed in .*planet\.toml has the URL or name "Nobody"/);
  });

  it('add and remove edit a Planet 2.0 config.ini the same way', async () => {
    const ini = join(dir, 'config.ini');
    await writeFile(ini, await fixture('config.ini'));
    const added = await planet('add', `${server.origin}/`, '--pick', '2', '--name', 'Comments, INI style', '-c', ini);
    assert.equal(added.code, 0, added.err);
    assert.equal(await readFile(ini, 'utf8'), await fixture('config-added.ini'));
    const removed = await planet('remove', `${server.origin}/comments.xml`, '-c', ini);
    assert.equal(removed.code, 0, removed.err);
    assert.equal(await readFile(ini, 'utf8'), await fixture('config.ini'));
  });
});
