import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { PublishError } from '../model/index.ts';
import { publishSite } from './index.ts';

// Every parent made here, removed when the file's tests are done.
const parents: string[] = [];
after(() => Promise.all(parents.map((dir) => rm(dir, { recursive: true, force: true }))));

async function tempParent(): Promise<string> {
  const parent = await mkdtemp(join(tmpdir(), 'planet-publish-'));
  parents.push(parent);
  return parent;
}

async function siteWith(files: Record<string, string>): Promise<{ parent: string; output: string }> {
  const parent = await tempParent();
  const output = join(parent, 'output');
  await mkdir(output);
  for (const [name, text] of Object.entries(files)) await writeFile(join(output, name), text);
  return { parent, output };
}

describe('publishSite', () => {
  it('replaces the previous site and leaves nothing else behind', async () => {
    const { parent, output } = await siteWith({ 'index.html': 'old', 'stale.html': 'old' });
    await publishSite(output, async (dir) => {
      await writeFile(join(dir, 'index.html'), 'new');
    });
    assert.deepEqual(await readdir(output), ['index.html']);
    assert.equal(await readFile(join(output, 'index.html'), 'utf8'), 'new');
    assert.deepEqual(await readdir(parent), ['output']);
  });

  it('keeps the previous site whole when the build fails', async () => {
    const { parent, output } = await siteWith({ 'index.html': 'old' });
    await assert.rejects(
      publishSite(output, async (dir) => {
        await writeFile(join(dir, 'index.html'), 'half');
        throw new Error('template broke');
      }),
      /template broke/,
    );
    assert.equal(await readFile(join(output, 'index.html'), 'utf8'), 'old');
    assert.deepEqual(await readdir(parent), ['output']);
  });

  it('publishes into a new output directory', async () => {
    const parent = await tempParent();
    await publishSite(join(parent, 'site'), async (dir) => writeFile(join(dir, 'a.txt'), 'a'));
    assert.equal(await readFile(join(parent, 'site', 'a.txt'), 'utf8'), 'a');
  });

  it('names the missing parent directory', async () => {
    await assert.rejects(publishSite('/nonexistent/dir/output', async () => undefined), (error: unknown) => {
      assert.ok(error instanceof PublishError);
      assert.match(error.message, /parent directory \/nonexistent\/dir does not exist/);
      return true;
    });
  });

  it('puts back a site left aside by a run killed mid-swap', async () => {
    const parent = await tempParent();
    await mkdir(join(parent, '.output.previous-123'));
    await writeFile(join(parent, '.output.previous-123', 'index.html'), 'old');
    let seen = '';
    await assert.rejects(
      publishSite(join(parent, 'output'), async () => {
        seen = await readFile(join(parent, 'output', 'index.html'), 'utf8');
        throw new Error('stop here');
      }),
    );
    assert.equal(seen, 'old');
    assert.deepEqual(await readdir(parent), ['output']);
  });

  it('refuses to publish while a live process holds the lock, takes over a dead one', async () => {
    const { parent, output } = await siteWith({ 'index.html': 'old' });
    await writeFile(join(parent, '.output.lock'), String(process.ppid));
    await assert.rejects(publishSite(output, async () => undefined), /another planet run \(pid \d+\) is publishing/);
    await writeFile(join(parent, '.output.lock'), '2147483646');
    await publishSite(output, async (dir) => writeFile(join(dir, 'index.html'), 'new'));
    assert.equal(await readFile(join(output, 'index.html'), 'utf8'), 'new');
  });

  it('leaves the previous site complete when the process is killed while building', async () => {
    const { parent, output } = await siteWith({ 'index.html': 'old', 'atom.xml': 'old' });
    const builder = fileURLToPath(new URL('./testdata/killed-builder.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', builder, output], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
    assert.equal(chunk.toString(), 'building\n');
    child.kill('SIGKILL');
    await once(child, 'exit');
    assert.deepEqual((await readdir(output)).sort(), ['atom.xml', 'index.html']);
    assert.equal(await readFile(join(output, 'index.html'), 'utf8'), 'old');
    // The next run clears the dead build and the stale lock, then publishes.
    await publishSite(output, async (dir) => writeFile(join(dir, 'index.html'), 'new'));
    assert.deepEqual(await readdir(parent), ['output']);
  });
});
