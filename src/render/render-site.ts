import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import type nunjucks from 'nunjucks';
import { RenderError } from '../model/index.ts';
import { createEnvironment } from './environment.ts';
import { loadTheme } from './theme.ts';
import type { SiteView } from './view-model.ts';

/** Where renderSite reads the theme from and writes the site to. */
export interface RenderOptions {
  /** A theme directory: theme.json, its templates and its assets folder. */
  themeDir: string;
  /** An existing or new directory; files of the same name are overwritten. */
  outDir: string;
}

/**
 * Renders every template of the theme with the view, then copies the theme's assets folder.
 * Each template `x.njk` is written to `outDir/x`; the assets folder keeps its path relative to
 * the theme (theme `assets/style.css` -> `outDir/assets/style.css`), so templates link to assets
 * by the same path they have in the theme. Returns the relative paths written, with `/`.
 */
export async function renderSite(view: SiteView, options: RenderOptions): Promise<string[]> {
  const theme = loadTheme(options.themeDir);
  const env = createEnvironment(theme.dir);
  // Render everything before writing anything, so a broken template leaves no half-written site.
  const pages = theme.templates.map((template) => ({
    path: template.slice(0, -'.njk'.length),
    text: renderTemplate(env, template, theme.dir, view),
  }));
  const written: string[] = [];
  for (const page of pages) {
    await writeOutput(options.outDir, page.path, page.text);
    written.push(toPosix(page.path));
  }
  if (theme.assets !== undefined) {
    for (const asset of await listFiles(theme.dir, theme.assets)) {
      const target = join(options.outDir, asset);
      await mkdir(dirname(target), { recursive: true });
      await copyFile(join(theme.dir, asset), target);
      written.push(toPosix(asset));
    }
  }
  return written;
}

function renderTemplate(env: nunjucks.Environment, template: string, themeDir: string, view: SiteView): string {
  try {
    return env.render(template, view);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RenderError(
      'template',
      `render: template ${template} of theme ${themeDir} failed: ${reason}\nFix the template, or set \`theme\` in planet.toml to another theme.`,
      { cause: error },
    );
  }
}

async function writeOutput(outDir: string, path: string, text: string): Promise<void> {
  const target = join(outDir, path);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, text, 'utf8');
}

/**
 * Regular files under `folder`, relative to `root`, sorted. Symbolic links are skipped so a
 * theme cannot publish files from outside itself.
 */
async function listFiles(root: string, folder: string): Promise<string[]> {
  const files: string[] = [];
  const entries = await readdir(join(root, folder), { withFileTypes: true });
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(root, path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

function toPosix(path: string): string {
  return path.split(/[\\/]/).join(posix.sep);
}
