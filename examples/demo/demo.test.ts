import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { decodeHTML } from 'entities';
import { activeContent } from '../../src/cli/testdata/active-content.ts';
import { demoFeeds, expectedDemoEntries, startDemoServer } from './server.ts';

const bin = fileURLToPath(new URL('../../bin/planet.js', import.meta.url));

/** The committed demo config, pointed at a server on another port and at a temp output. */
async function demoConfig(origin: string): Promise<{ dir: string; config: string }> {
  const text = await readFile(new URL('./planet.toml', import.meta.url), 'utf8');
  const dir = await mkdtemp(join(tmpdir(), 'planet-demo-'));
  const config = join(dir, 'planet.toml');
  await writeFile(config, text.replaceAll('http://127.0.0.1:8741', origin));
  return { dir, config };
}

async function planetRun(config: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [bin, 'run', '-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stderr };
}

describe('the bundled demo planet', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  before(async () => {
    server = await startDemoServer();
  });
  after(() => server.close());

  it('subscribes to every demo feed', async () => {
    const text = await readFile(new URL('./planet.toml', import.meta.url), 'utf8');
    for (const feed of demoFeeds) assert.ok(text.includes(`/feeds/${feed.file}"`), `${feed.file} is in planet.toml`);
  });

  it('shows every demo entry on the front page, newest first, as "Source: Title", twice over', async (t) => {
    const { dir, config } = await demoConfig(server.origin);
    t.after(() => rm(dir, { recursive: true, force: true }));
    const expected = expectedDemoEntries().map((e) => (e.title === undefined ? e.blog : `${e.blog}: ${e.title}`));
    for (const run of [1, 2]) {
      const result = await planetRun(config);
      assert.equal(result.code, 0, `run ${run}: ${result.stderr}`);
      assert.equal(result.stderr, '', `run ${run} reported no failing feed`);
      const html = await readFile(join(dir, 'output', 'index.html'), 'utf8');
      const headings = [...html.matchAll(/<h3[^>]*>([\s\S]*?)<\/h3>/g)].map((m) =>
        decodeHTML((m[1] ?? '').replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim(),
      );
      assert.deepEqual(headings, expected, `run ${run}`);
      assert.deepEqual(activeContent(html), [], 'nothing in the page can run script');
    }
    assert.equal(server.stats().notModified, demoFeeds.length, 'the second run got a 304 for every feed');
  });
});
