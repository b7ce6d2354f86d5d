import { createHash } from 'node:crypto';
import { link, readdir, readFile, rename, stat, unlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';

/** How many files of a fresh build were unchanged (and so kept) and how many are new or changed. */
export interface ReuseReport {
  unchanged: number;
  changed: number;
}

/**
 * Makes every file of the fresh build whose content equals the file at the same path in the
 * previous site that very file again: a hard link to it, so its inode and mtime survive the
 * swap and mirrors, rsync and HTTP caches see it untouched. Where the file system refuses hard
 * links, the fresh file keeps the previous file's times instead. Files that changed stay as
 * written; files the new site no longer has are simply not in the fresh build, so the swap
 * removes them with the previous site.
 */
export async function reuseUnchanged(fresh: string, previous: string): Promise<ReuseReport> {
  const report: ReuseReport = { unchanged: 0, changed: 0 };
  if (!(await stat(previous).catch(() => undefined))?.isDirectory()) {
    report.changed = (await listFiles(fresh)).length;
    return report;
  }
  for (const path of await listFiles(fresh)) {
    const before = join(previous, path);
    const after = join(fresh, path);
    if (await sameContent(before, after)) {
      await adopt(before, after);
      report.unchanged += 1;
    } else {
      report.changed += 1;
    }
  }
  return report;
}

async function sameContent(before: string, after: string): Promise<boolean> {
  const [old, now] = await Promise.all([stat(before).catch(() => undefined), stat(after)]);
  if (old === undefined || !old.isFile() || old.size !== now.size) return false;
  const [a, b] = await Promise.all([hashOf(before), hashOf(after)]);
  return a === b;
}

async function hashOf(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}

async function adopt(before: string, after: string): Promise<void> {
  // Link beside the target, then rename over it: the fresh tree never lacks the file.
  const temporary = `${after}.link-${process.pid}`;
  try {
    await link(before, temporary);
    await rename(temporary, after);
  } catch {
    await unlink(temporary).catch(() => undefined);
    const old = await stat(before);
    await utimes(after, old.atime, old.mtime);
  }
}

/** Regular files under `root`, relative to it. */
async function listFiles(root: string, folder = ''): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(join(root, folder), { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(root, path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}
