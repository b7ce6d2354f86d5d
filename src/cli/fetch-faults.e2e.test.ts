// `planet run --report` over 60 feeds spread across the fault behaviours of issue #4, each
// behaviour on its own loopback host: the run must finish within the deadline + 5 s, publish
// the site, name every failure with its code in a report that matches docs/report-schema.json,
// and no host may ever see more than the per-host limit of connections (asserted by the servers).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { FaultHost, FaultRoute } from '../fetch/testdata/fault-server.ts';
import { faults, feedRoute, rssFeed, startFaultHost } from '../fetch/testdata/fault-server.ts';
import type { RunReport } from './report.ts';
import { schemaProblems } from './testdata/json-schema.ts';

const bin = fileURLToPath(new URL('../../bin/planet.js', import.meta.url));
const schemaFile = new URL('../../docs/report-schema.json', import.meta.url);
const DEADLINE_S = 4;
const PER_HOST = 2;
const FEEDS_PER_BEHAVIOUR = 3;

/** What each behaviour must come to in the report: its status and, for failures, the error code. */
const expected: Record<string, { status: string; code?: string }> = {
  normal: { status: 'updated' },
  slow: { status: 'updated' },
  hang: { status: 'failed', code: 'timeout' },
  drip: { status: 'failed', code: 'timeout' },
  reset: { status: 'failed', code: 'connection-reset' },
  status500: { status: 'failed', code: 'http-status' },
  status404: { status: 'failed', code: 'http-status' },
  status410: { status: 'gone', code: 'http-status' },
  status429: { status: 'failed', code: 'http-status' },
  status503: { status: 'failed', code: 'http-status' },
  chain: { status: 'updated' },
  loop: { status: 'failed', code: 'too-many-redirects' },
  moved: { status: 'updated' },
  temporary: { status: 'updated' },
  gzipBomb: { status: 'failed', code: 'too-large' },
  hugeBody: { status: 'failed', code: 'too-large' },
  wrongEncoding: { status: 'failed', code: 'bad-encoding' },
  empty200: { status: 'failed', code: 'empty' },
  htmlPage: { status: 'failed', code: 'html-not-feed' },
  private: { status: 'failed', code: 'blocked-address' },
};

/** Redirects keep the feed's number: /feed2 -> /two/2. */
const hop = (status: number, to: (n: string) => string): FaultRoute => (req, res) => {
  const n = /(\d+)$/.exec(req.url ?? '')?.[1] ?? '0';
  res.writeHead(status, { location: to(n) }).end();
};

describe('planet run over 60 feeds across the fault behaviours', () => {
  const hosts = new Map<string, FaultHost>();
  let target: FaultHost;
  let dir: string;
  let config: string;
  let run: { code: number | null; stdout: string; stderr: string; ms: number };
  let report: RunReport;
  let startupMs = 0;

  before(async () => {
    target = await startFaultHost('127.0.0.1', { '*': feedRoute(() => rssFeed('private')) });
    const add = async (name: string, routes: Record<string, FaultRoute>): Promise<FaultHost> => {
      const host = await startFaultHost(`127.0.0.${100 + hosts.size}`, routes);
      hosts.set(name, host);
      return host;
    };
    const normal = await add('normal', { '*': feedRoute((req) => rssFeed(`n${(req.url ?? '').replace(/\W/g, '')}`)) });
    await add('slow', { '*': (req, res, host) => setTimeout(() => feedRoute(() => rssFeed(`s${(req.url ?? '').replace(/\W/g, '')}`))(req, res, host), 150) });
    for (const [name, route] of Object.entries(faults)) await add(name, { '*': route });
    await add('chain', {
      '*': hop(302, (n) => `/two/${n}`),
      [`/two/1`]: hop(307, (n) => `/three/${n}`),
      [`/two/2`]: hop(307, (n) => `/three/${n}`),
      [`/two/3`]: hop(307, (n) => `/three/${n}`),
      [`/three/1`]: hop(302, (n) => normal.url(`/chained${n}`)),
      [`/three/2`]: hop(302, (n) => normal.url(`/chained${n}`)),
      [`/three/3`]: hop(302, (n) => normal.url(`/chained${n}`)),
    });
    await add('loop', { '*': hop(302, (n) => `/other${n}`), '/other1': hop(302, () => '/feed1'), '/other2': hop(302, () => '/feed2'), '/other3': hop(302, () => '/feed3') });
    const moved = feedRoute((req) => rssFeed(`m${(req.url ?? '').replace(/\W/g, '')}`));
    await add('moved', { '*': hop(301, (n) => `/new-home${n}`), '/new-home1': moved, '/new-home2': moved, '/new-home3': moved });
    const today = feedRoute((req) => rssFeed(`t${(req.url ?? '').replace(/\W/g, '')}`));
    await add('temporary', { '*': hop(302, (n) => `/today${n}`), '/today1': today, '/today2': today, '/today3': today });
    await add('private', { '*': hop(302, (n) => target.url(`/feed${n}`)) });
    assert.equal(hosts.size * FEEDS_PER_BEHAVIOUR, 60);

    dir = await mkdtemp(join(tmpdir(), 'planet-faults-e2e-'));
    config = join(dir, 'planet.toml');
    const feeds = [...hosts].flatMap(([name, host]) =>
      Array.from({ length: FEEDS_PER_BEHAVIOUR }, (_, i) => `[[feeds]]\nurl = "${host.url(`/feed${i + 1}`)}"\nname = "${name} ${i + 1}"`),
    );
    await writeFile(
      config,
      [
        '[planet]\nname = "Planet Faults"\nlink = "https://planet.test/"',
        `[fetch]\ntimeout = ${DEADLINE_S}\nper_host_connections = ${PER_HOST}\nmax_size = 1048576\nallow_private_networks = false\nallow_hosts = ${JSON.stringify([...hosts.values()].map((h) => h.ip))}`,
        ...feeds,
      ].join('\n\n'),
    );

    // Starting the CLI (Node, tsx, loading the sources) is not the run's doing, and takes seconds on a
    // loaded machine: measure it with `planet --version` and leave it out of the bound.
    const startup = performance.now();
    await once(spawn(process.execPath, [bin, '--version'], { stdio: 'ignore' }), 'exit');
    startupMs = performance.now() - startup;
    const started = performance.now();
    const child = spawn(process.execPath, [bin, 'run', '-c', config, '--report', join(dir, 'report.json')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    run = { code, stdout, stderr, ms: performance.now() - started };
    report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as RunReport;
  });

  after(async () => {
    await Promise.all([target, ...hosts.values()].map((host) => host.close()));
    await rm(dir, { recursive: true, force: true });
  });

  it('finishes within the deadline + 5 s and publishes the site', async () => {
    assert.equal(run.code, 0, run.stderr);
    assert.ok(report.ms < (DEADLINE_S + 5) * 1000, `fetching took ${report.ms} ms`);
    const ms = run.ms - startupMs;
    assert.ok(ms < (DEADLINE_S + 5) * 1000, `the run took ${Math.round(run.ms)} ms, ${Math.round(startupMs)} ms of them starting up`);
    const html = await readFile(join(dir, 'output', 'index.html'), 'utf8');
    assert.match(html, /nfeed1 one/);
    assert.match(html, /mnewhome2 one/);
  });

  it('writes a report that matches docs/report-schema.json', async () => {
    const schema = JSON.parse(await readFile(schemaFile, 'utf8')) as Record<string, unknown>;
    assert.deepEqual(schemaProblems(report, schema), []);
    assert.equal(report.feeds.length, 60);
    // The checker itself must be able to fail.
    assert.notDeepEqual(schemaProblems({ ...report, feeds: [{ ...report.feeds[0], status: 'fine' }] }, schema), []);
  });

  it('names every feed\'s outcome with the right status and error code', () => {
    for (const feed of report.feeds) {
      const behaviour = feed.name.replace(/ \d+$/, '');
      const want = expected[behaviour];
      assert.ok(want, `no expectation for ${feed.name}`);
      assert.equal(feed.status, want.status, `${feed.name}: ${feed.error?.message}`);
      assert.equal(feed.error?.code, want.code, `${feed.name}: ${feed.error?.message}`);
    }
    const t = report.totals;
    assert.deepEqual(
      [t.feeds, t.updated, t.failed, t.gone, t.skippedBackoff],
      [60, 5 * FEEDS_PER_BEHAVIOUR, 14 * FEEDS_PER_BEHAVIOUR, FEEDS_PER_BEHAVIOUR, 0],
    );
  });

  it('reports redirects hop by hop and proposes the new URL of a 301', () => {
    const chain = report.feeds.find((f) => f.name === 'chain 2');
    assert.deepEqual(chain?.redirects.map((r) => r.status), [302, 307, 302]);
    assert.equal(chain?.movedTo, null);
    const moved = report.feeds.find((f) => f.name === 'moved 2');
    assert.equal(moved?.movedTo, hosts.get('moved')?.url('/new-home2'));
    assert.match(run.stdout, /moved 2 .*moved permanently to http:\/\/127\.0\.0\.\d+:\d+\/new-home2/);
  });

  it('never let a host see more than the per-host limit, and never reached the private address', () => {
    for (const [name, host] of hosts) {
      assert.ok(host.maxConnections <= PER_HOST, `${name} saw ${host.maxConnections} connections at once`);
      assert.ok(host.maxRequests <= PER_HOST, `${name} saw ${host.maxRequests} requests at once`);
    }
    // The hanging host held two requests for the whole deadline: the limit was reached, not passed.
    assert.equal(hosts.get('hang')?.maxRequests, PER_HOST);
    assert.deepEqual(target.seen, []);
  });
});
