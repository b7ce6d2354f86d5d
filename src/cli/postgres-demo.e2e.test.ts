// `planet run` on the bundled demo with `database = "postgres://..."` publishes the same site
// as with the default SQLite file: a real PostgreSQL cluster, the real CLI, the demo's server.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startDemoServer } from '../../examples/demo/server.ts';
import type { PgCluster } from '../store/testdata/pg-cluster.ts';
import { startPgCluster } from '../store/testdata/pg-cluster.ts';

const bin = fileURLToPath(new URL('../../bin/planet.js', import.meta.url));

async function planetRun(config: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [bin, 'run', '-q', '-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stderr };
}

/** A time window a run happened in; times inside it are build times, which differ between runs. */
interface Window {
  from: number;
  to: number;
}

// ISO 8601, RFC 822, and the pages' "30 November 2026 13:04 UTC" (minute precision).
const stamps = [
  /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)/g,
  /[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d [+-]\d{4}/g,
  /\d{1,2} [A-Z][a-z]+ \d{4} \d\d:\d\d UTC/g,
];

/** Every file of a published site by relative path, with the run's own timestamps masked. */
async function site(dir: string, run: Window): Promise<Map<string, string>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((f) => f.isFile());
  const out = new Map<string, string>();
  for (const file of files) {
    const path = join(file.parentPath, file.name);
    let text = await readFile(path, 'utf8');
    for (const stamp of stamps) {
      text = text.replace(stamp, (found) => {
        const at = Date.parse(found);
        return at >= run.from - 60_000 && at <= run.to + 1000 ? '<built>' : found;
      });
    }
    out.set(path.slice(dir.length + 1), text);
  }
  return out;
}

describe('the demo on PostgreSQL', () => {
  let cluster: PgCluster;
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let dir: string;
  before(async () => {
    [cluster, server] = await Promise.all([startPgCluster(), startDemoServer()]);
    dir = await mkdtemp(join(tmpdir(), 'planet-pg-demo-'));
  });
  after(async () => {
    await Promise.all([cluster?.stop(), server?.close()]);
    await rm(dir, { recursive: true, force: true });
  });

  it('publishes the same site as with SQLite', async () => {
    const text = (await readFile(new URL('../../examples/demo/planet.toml', import.meta.url), 'utf8')).replaceAll('http://127.0.0.1:8741', server.origin);
    const url = await cluster.createDatabase();
    const configs = {
      sqlite: join(dir, 'sqlite.toml'),
      postgres: join(dir, 'postgres.toml'),
    };
    await writeFile(configs.sqlite, text.replace('output_dir = "output"', 'output_dir = "out-sqlite"'));
    await writeFile(configs.postgres, text.replace('output_dir = "output"', 'output_dir = "out-pg"').replace('database = "planet.db"', `database = "${url}"`));
    const windows: Window[] = [];
    for (const config of [configs.sqlite, configs.postgres]) {
      const from = Date.now();
      const result = await planetRun(config);
      windows.push({ from, to: Date.now() });
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stderr, '');
    }
    const [lite, pg] = await Promise.all([site(join(dir, 'out-sqlite'), windows[0] as Window), site(join(dir, 'out-pg'), windows[1] as Window)]);
    assert.ok(lite.size > 10, `the demo site has ${lite.size} files`);
    assert.deepEqual([...pg.keys()].sort(), [...lite.keys()].sort());
    for (const [path, text] of lite) {
      const other = pg.get(path) ?? '';
      // Point at the first difference: whole pages are too long for assert's own diff.
      let at = 0;
      while (at < text.length && text[at] === other[at]) at++;
      const from = Math.max(0, at - 60);
      assert.equal(other.slice(from, at + 60), text.slice(from, at + 60), `${path} differs at ${at}`);
      assert.equal(other.length, text.length, path);
    }
  });
});
