import { chmod, mkdtemp, open, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PublishError } from '../model/index.ts';
import { reuseUnchanged } from './reuse.ts';
import type { ReuseReport } from './reuse.ts';

/**
 * Builds a site into a fresh directory beside `outputDir`, then swaps it in. Files whose
 * content did not change are carried over from the previous site (see reuse.ts), so an
 * unchanged build rewrites no file; files the new build lacks go with the previous site.
 *
 * The build never touches `outputDir`, so a run that fails or is killed while it
 * builds leaves the previous site whole. The swap is two renames on one file system
 * (POSIX has no portable directory exchange); a run killed between them leaves the
 * previous site under its `.previous-` name, and the next run puts it back before
 * doing anything else.
 */
export async function publishSite(outputDir: string, build: (dir: string) => Promise<void>): Promise<ReuseReport> {
  const parent = dirname(outputDir);
  const name = basename(outputDir);
  await ensureDirectory(parent, outputDir);
  const releaseLock = await lock(join(parent, `.${name}.lock`), outputDir);
  try {
    await recover(parent, name, outputDir);
    const buildDir = await mkdtemp(join(parent, `.${name}.building-`));
    let report: ReuseReport;
    try {
      // mkdtemp makes the directory 0700; a published site must be readable by the web server.
      await chmod(buildDir, 0o755);
      await build(buildDir);
      report = await reuseUnchanged(buildDir, outputDir);
    } catch (error) {
      await rm(buildDir, { recursive: true, force: true });
      throw error;
    }
    await swap(buildDir, outputDir, join(parent, `.${name}.previous-${process.pid}`));
    return report;
  } finally {
    await releaseLock();
  }
}

async function ensureDirectory(parent: string, outputDir: string): Promise<void> {
  const info = await stat(parent).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new PublishError(
      'publish-failed',
      `publish: cannot publish to ${outputDir}: its parent directory ${parent} does not exist; create it or fix output_dir in the config`,
    );
  }
}

async function swap(buildDir: string, outputDir: string, previous: string): Promise<void> {
  try {
    const hadOutput = await exists(outputDir);
    if (hadOutput) await rename(outputDir, previous);
    await rename(buildDir, outputDir);
    if (hadOutput) await rm(previous, { recursive: true, force: true });
  } catch (error) {
    await rm(buildDir, { recursive: true, force: true });
    throw new PublishError('publish-failed', `publish: could not swap the new site into ${outputDir}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** Puts back a previous site left by a run killed mid-swap, and clears dead builds. */
async function recover(parent: string, name: string, outputDir: string): Promise<void> {
  const leftovers = (await readdir(parent)).filter((f) => f.startsWith(`.${name}.previous-`) || f.startsWith(`.${name}.building-`));
  for (const leftover of leftovers) {
    const path = join(parent, leftover);
    if (leftover.startsWith(`.${name}.previous-`) && !(await exists(outputDir))) {
      await rename(path, outputDir);
    } else {
      await rm(path, { recursive: true, force: true });
    }
  }
}

/** One publisher per output directory: a lock file holding the owner's pid; a dead owner's lock is taken over. */
async function lock(path: string, outputDir: string): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => unlink(path).catch(() => undefined);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new PublishError('publish-failed', `publish: cannot create lock ${path}: ${(error as Error).message}`, { cause: error });
      }
      const owner = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
        throw new PublishError(
          'publish-failed',
          `publish: another planet run (pid ${owner}) is publishing ${outputDir}; wait for it to finish`,
        );
      }
      await unlink(path).catch(() => undefined);
    }
  }
  throw new PublishError('publish-failed', `publish: could not take the lock ${path}; remove it if no planet run is active`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
