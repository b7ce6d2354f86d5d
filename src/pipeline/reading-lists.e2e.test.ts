// Reading lists through `planet run` and `planet build`: a real HTTP server serving a list and
// the feeds it names, a list file beside the config, the real CLI (in process) and store.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../cli/run-cli.ts';
import { schemaProblems } from '../cli/testdata/json-schema.ts';
import { rss } from './testdata/river-server.ts';

const opml = (origin: string): string => `<?xml version="1.0"?>
<opml version="2.0"><head><title>Team</title></head><body>
  <outline text="Team">
    <outline type="rss" text="Listed A" xmlUrl="${origin}/a.xml"/>
    <outline type="rss" text="Listed B" xmlUrl="${origin}/b.xml" htmlUrl="http://b.example/"/>
  </outline>
</body></opml>`;

describe('reading lists through planet run', () => {
  let origin: string;
  let close: () => Promise<void>;
  let listStatus = 200;
  const requests: { url: string; ifNoneMatch?: string }[] = [];
  let dir: string;

  before(async () => {
    const server = createServer((req, res) => {
      requests.push({ url: req.url ?? '', ...(typeof req.headers['if-none-match'] === 'string' && { ifNoneMatch: req.headers['if-none-match'] }) });
      if (req.url === '/list.opml') {
        if (listStatus !== 200) return res.writeHead(listStatus).end();
        if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304, { etag: '"v1"' }).end();
        return res.writeHead(200, { 'content-type': 'text/x-opml', etag: '"v1"' }).end(opml(origin));
      }
      const feed = /^\/([a-z])\.xml$/.exec(req.url ?? '')?.[1];
      if (feed === undefined) return res.writeHead(404).end();
      const item = { id: `urn:${feed}:1`, title: `Post from ${feed}`, link: `http://${feed}.example/1`, date: new Date(Date.UTC(2026, 0, 10)) };
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(`Feed ${feed}`, [item]));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
    dir = await mkdtemp(join(tmpdir(), 'planet-lists-'));
  });
  after(async () => {
    await close();
    await rm(dir, { recursive: true, force: true });
  });

  const cli = async (command: string, lists: string[]): Promise<{ code: number; out: string; html: string; opml: string }> => {
    const config = join(dir, 'planet.toml');
    const tables = lists.map((url) => `[[reading_lists]]\nurl = "${url}"\n`).join('\n');
    await writeFile(config, `[planet]\nname = "Lists"\nlink = "https://planet.test/"\n\n${tables}\n[[feeds]]\nurl = "${origin}/a.xml"\nname = "Configured A"\n`);
    const lines: string[] = [];
    const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
    const code = await runCli([command, '-c', config, ...(command === 'run' ? ['--force', '--report', join(dir, 'report.json')] : [])], io);
    const read = (name: string): Promise<string> => readFile(join(dir, 'output', name), 'utf8');
    return { code, out: lines.join('\n'), html: await read('index.html'), opml: await read('opml.xml') };
  };

  it('joins the feeds of an OPML list over HTTP and of a CSV file beside the config; config feeds win', async () => {
    await writeFile(join(dir, 'local.csv'), `url,name\n${origin}/c.xml,Listed C\n`);
    const run = await cli('run', [`${origin}/list.opml`, 'local.csv']);
    assert.equal(run.code, 0, run.out);
    for (const post of ['Post from a', 'Post from b', 'Post from c']) assert.ok(run.html.includes(`>${post}</a>`), post);
    assert.ok(run.html.includes('Configured A') && !run.html.includes('Listed A'), 'the [[feeds]] entry keeps its name');
    assert.match(run.out, new RegExp(`reading list ${origin}/list.opml: 2 feeds \\(1 already subscribed\\)`));
    assert.match(run.out, /reading list .*local\.csv: 1 feed\b/);
    // The site's own subscription list (OPML export) includes the reading lists' feeds.
    for (const feed of ['b', 'c']) assert.ok(run.opml.includes(`xmlUrl="${origin}/${feed}.xml"`), `opml.xml lists ${feed}`);
  });

  it('asks again with conditional GET, and keeps the last good copy when a list fails', async () => {
    requests.length = 0;
    const again = await cli('run', [`${origin}/list.opml`, 'local.csv']);
    assert.deepEqual(requests.find((r) => r.url === '/list.opml'), { url: '/list.opml', ifNoneMatch: '"v1"' });
    assert.match(again.out, /list\.opml: 2 feeds \(1 already subscribed\), unchanged/);

    listStatus = 500;
    await rm(join(dir, 'local.csv'));
    requests.length = 0;
    const failing = await cli('run', [`${origin}/list.opml`, 'local.csv']);
    assert.equal(failing.code, 0, 'a failing list is never fatal');
    assert.match(failing.out, /list\.opml: .*HTTP 500.*\[http-status\]; using the copy read \S+ \(2 feeds/);
    assert.match(failing.out, /local\.csv: .*ENOENT.*; using the copy read/);
    assert.ok(requests.some((r) => r.url === '/b.xml') && requests.some((r) => r.url === '/c.xml'), 'listed feeds are still fetched');
    for (const post of ['Post from b', 'Post from c']) assert.ok(failing.html.includes(`>${post}</a>`), post);
    const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as { readingLists: { status: string; feeds: number; copyFrom: string | null }[] };
    const schema = JSON.parse(await readFile(new URL('../../docs/report-schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    assert.deepEqual(schemaProblems(report, schema), []);
    assert.deepEqual(report.readingLists.map((list) => [list.status, list.feeds, typeof list.copyFrom]), [['cached', 2, 'string'], ['cached', 1, 'string']]);
  });

  it('planet build uses the copies without the network', async () => {
    requests.length = 0;
    const built = await cli('build', [`${origin}/list.opml`, 'local.csv']);
    assert.equal(built.code, 0, built.out);
    assert.deepEqual(requests, []);
    for (const post of ['Post from b', 'Post from c']) assert.ok(built.html.includes(`>${post}</a>`), post);
  });

  it('a list never read successfully is reported and left out', async () => {
    const run = await cli('run', [`${origin}/missing.opml`]);
    assert.equal(run.code, 0);
    assert.match(run.out, /reading list .*missing\.opml: .*HTTP 404.*no copy kept yet, so its feeds are left out this run/);
  });
});
