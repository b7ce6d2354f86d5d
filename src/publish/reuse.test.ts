import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { publishSite } from './index.ts';

type Files = Record<string, string>;

async function writeAll(dir: string, files: Files): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), text);
  }
}

/** Inode and mtime of a published file: what "rewritten" means to a mirror or a cache. */
async function identity(path: string): Promise<string> {
  const info = await stat(path);
  return `${info.ino}:${info.mtimeMs}`;
}

// Every directory made here, removed when the file's tests are done.
const dirs: string[] = [];
after(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

/** Where a site is published: `output` in a fresh directory. */
async function outputDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'planet-reuse-'));
  dirs.push(dir);
  return join(dir, 'output');
}

async function firstSite(files: Files): Promise<string> {
  const output = await outputDir();
  await publishSite(output, (dir) => writeAll(dir, files));
  // Old times, so a file written again would show a different mtime even on a coarse clock.
  for (const name of Object.keys(files)) await utimes(join(output, name), 1_000_000, 1_000_000);
  return output;
}

describe('publishSite, incremental', () => {
  it('keeps unchanged files as they were (same inode and mtime), rewrites changed ones, drops stale ones', async () => {
    const output = await firstSite({ 'index.html': 'same', 'page/2/index.html': 'old page', 'stale.html': 'gone soon' });
    const before = { index: await identity(join(output, 'index.html')), page: await identity(join(output, 'page/2/index.html')) };
    const report = await publishSite(output, (dir) => writeAll(dir, { 'index.html': 'same', 'page/2/index.html': 'new page', 'new.html': 'n' }));
    assert.deepEqual(report, { unchanged: 1, changed: 2 });
    assert.equal(await identity(join(output, 'index.html')), before.index, 'the unchanged file is the very same file');
    assert.notEqual(await identity(join(output, 'page/2/index.html')), before.page);
    assert.equal(await readFile(join(output, 'page/2/index.html'), 'utf8'), 'new page');
    assert.deepEqual((await readdir(output)).sort(), ['index.html', 'new.html', 'page']);
  });

  it('rewrites no file when nothing changed', async () => {
    const files = { 'index.html': '<p>hi</p>', 'atom.xml': '<feed/>', 'assets/style.css': 'body{}' };
    const output = await firstSite(files);
    const before = await Promise.all(Object.keys(files).map((name) => identity(join(output, name))));
    const report = await publishSite(output, (dir) => writeAll(dir, files));
    assert.deepEqual(report, { unchanged: 3, changed: 0 });
    assert.deepEqual(await Promise.all(Object.keys(files).map((name) => identity(join(output, name)))), before);
  });

  it('treats a file of the same size but other bytes as changed', async () => {
    const output = await firstSite({ 'a.txt': 'abc' });
    const report = await publishSite(output, (dir) => writeAll(dir, { 'a.txt': 'abd' }));
    assert.deepEqual(report, { unchanged: 0, changed: 1 });
    assert.equal(await readFile(join(output, 'a.txt'), 'utf8'), 'abd');
  });

  it('counts everything as changed on the first publish', async () => {
    const output = await outputDir();
    assert.deepEqual(await publishSite(output, (dir) => writeAll(dir, { 'a.txt': 'a', 'b/c.txt': 'c' })), { unchanged: 0, changed: 2 });
  });
});
