import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import type nunjucks from 'nunjucks';
import { RenderError } from '../model/index.ts';
import { createEnvironment } from './environment.ts';
import { loadMessages } from './messages.ts';
import { resolveTheme } from './theme.ts';
import type { PageKind, ResolvedTheme } from './theme.ts';
import { renderTemplateFiles } from './template-files.ts';
import type { TemplateFiles } from './template-files.ts';
import type { PageView, SiteView } from './view-model.ts';

/** Where renderSite reads the theme from and writes the site to. */
export interface RenderOptions {
  /** A theme directory: theme.json, its templates and its assets folder. */
  themeDir: string;
  /** An existing or new directory; files of the same name are overwritten. */
  outDir: string;
  /** The config's template_files: when set, the site is their outputs plus the theme's assets. */
  templates?: TemplateFiles;
}

/**
 * Renders the theme (with its parents) into `outDir`, then copies the assets folders.
 * Each template `x.njk` of `templates` renders once, with `page` set to the front page, to
 * `outDir/x`. Each template of `pages` renders once per page of its kind, to the page's path:
 * `river` for page/2/index.html and on (the front page is the theme's index template), `month`
 * for archive/YYYY/MM/index.html, `feed` for feeds/<slug>/index.html, `health` for health.html
 * (only when the view has `health`). Assets keep their path
 * relative to the theme (theme `assets/style.css` -> `outDir/assets/style.css`); parents' assets
 * are copied first so a child's file of the same path wins. Returns the relative paths written.
 */
export async function renderSite(view: SiteView, options: RenderOptions): Promise<string[]> {
  const resolved = resolveTheme(options.themeDir);
  if (options.templates !== undefined && options.templates.files.length > 0) {
    const files = await renderTemplateFiles(view, options.templates, options.outDir, resolved.searchPath);
    files.push(...(await renderStandaloneHealth(view, resolved, options.outDir, files)));
    return [...new Set([...(await copyAssets(resolved, options.outDir)), ...files])];
  }
  const env = createEnvironment(resolved.searchPath, loadMessages(resolved.searchPath, view.planet.locale));
  const dir = resolved.theme.dir;
  const jobs = resolved.templates.map((template) => ({ template, path: template.slice(0, -'.njk'.length), page: view.page }));
  const perPage: Array<[PageKind, PageView[]]> = [
    ['river', view.pages.slice(1)],
    ['month', view.months],
    ['feed', view.feedPages],
    ['health', view.health === undefined ? [] : [view.health.page]],
  ];
  for (const [kind, pages] of perPage) {
    const template = resolved.pages[kind];
    if (template !== undefined) for (const page of pages) jobs.push({ template, path: page.path, page });
  }
  // Render everything before writing anything, so a broken template leaves no half-written site.
  const outputs = jobs.map((job) => ({ path: job.path, text: renderTemplate(env, job.template, dir, { ...view, page: job.page }) }));
  const written = new Set<string>();
  for (const output of outputs) {
    await writeOutput(options.outDir, output.path, output.text);
    written.add(toPosix(output.path));
  }
  for (const asset of await copyAssets(resolved, options.outDir)) written.add(asset);
  return [...written];
}

/**
 * Beside template_files, the theme's health page on its own (`standalone` set: no navigation,
 * sidebar or links to the theme's other pages, which are not published), so a Planet 2.0 site
 * gets health.html too. Not when the view has no health (health_page = false), the theme has no
 * health page, or a template already writes that file.
 */
async function renderStandaloneHealth(view: SiteView, resolved: ResolvedTheme, outDir: string, written: readonly string[]): Promise<string[]> {
  const template = resolved.pages.health;
  if (view.health === undefined || template === undefined || written.includes(toPosix(view.health.page.path))) return [];
  const env = createEnvironment(resolved.searchPath, loadMessages(resolved.searchPath, view.planet.locale));
  const text = renderTemplate(env, template, resolved.theme.dir, { ...view, page: view.health.page, standalone: true });
  await writeOutput(outDir, view.health.page.path, text);
  return [toPosix(view.health.page.path)];
}

/** Copies the theme's assets folders, parents' first; returns the relative paths written. */
async function copyAssets(resolved: ResolvedTheme, outDir: string): Promise<string[]> {
  const written: string[] = [];
  for (const assets of resolved.assets) {
    for (const asset of await listFiles(assets.dir, assets.folder)) {
      const target = join(outDir, asset);
      await mkdir(dirname(target), { recursive: true });
      await copyFile(join(assets.dir, asset), target);
      written.push(toPosix(asset));
    }
  }
  return written;
}

function renderTemplate(env: nunjucks.Environment, template: string, themeDir: string, view: SiteView & { standalone?: boolean }): string {
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
