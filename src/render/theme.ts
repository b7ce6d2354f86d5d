import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, normalize, resolve, sep } from 'node:path';
import { RenderError } from '../model/index.ts';

/** The kinds of page a theme renders once per page rather than once per site. */
export const pageKinds = ['river', 'month', 'feed', 'health'] as const;

/** A page kind: archive pages of the river, monthly archives, per-feed pages. */
export type PageKind = (typeof pageKinds)[number];

/** A theme's manifest (`theme.json`), checked, with paths resolved against the theme dir. */
export interface Theme {
  /** Absolute path of the theme directory. */
  dir: string;
  name: string;
  description?: string;
  /** Template files, relative to dir; each renders to its name minus `.njk`. */
  templates: string[];
  /** Templates rendered once per page of a kind (see render-site.ts). */
  pages: Partial<Record<PageKind, string>>;
  /** The assets folder, relative to dir, when the theme has one. */
  assets?: string;
  /** The parent theme's directory (absolute), when the theme extends one. */
  parent?: string;
}

/** A theme with its ancestors: where templates are looked up, what is rendered, what is copied. */
export interface ResolvedTheme {
  /** The theme itself. */
  theme: Theme;
  /** Theme directories, child first: a template is taken from the first that has it. */
  searchPath: string[];
  /** Every template to render once, parents' first; a child's template of the same name wins. */
  templates: string[];
  pages: Partial<Record<PageKind, string>>;
  /** Assets folders to copy, parents' first, so a child's file of the same path wins. */
  assets: Array<{ dir: string; folder: string }>;
}

/** Loads a theme and its parent chain (at most a few levels; a cycle is an error). */
export function resolveTheme(themeDir: string): ResolvedTheme {
  const chain: Theme[] = [];
  for (let dir: string | undefined = themeDir; dir !== undefined; dir = chain.at(-1)?.parent) {
    if (chain.some((t) => t.dir === dir) || chain.length >= 8) {
      throw invalid(join(themeDir, manifestName), [`its "parent" chain loops or is deeper than 8 themes`]);
    }
    chain.push(loadTheme(dir));
  }
  const ancestorsFirst = [...chain].reverse();
  const templates: string[] = [];
  for (const theme of ancestorsFirst) for (const t of theme.templates) if (!templates.includes(t)) templates.push(t);
  return {
    theme: chain[0] as Theme,
    searchPath: chain.map((t) => t.dir),
    templates,
    pages: Object.assign({}, ...ancestorsFirst.map((t) => t.pages)) as Partial<Record<PageKind, string>>,
    assets: ancestorsFirst.flatMap((t) => (t.assets === undefined ? [] : [{ dir: t.dir, folder: t.assets }])),
  };
}

/** The manifest file every theme directory holds. */
export const manifestName = 'theme.json';

const restoreHint = 'set `theme` in planet.toml to a theme directory, or restore themes/default';

/** Reads and checks a theme's manifest; throws RenderError theme-not-found or theme-invalid. */
export function loadTheme(themeDir: string): Theme {
  if (!isDirectory(themeDir)) {
    throw new RenderError('theme-not-found', `render: theme directory ${themeDir} does not exist or is not a directory; ${restoreHint}`);
  }
  const manifestPath = join(themeDir, manifestName);
  let text: string;
  try {
    text = readFileSync(manifestPath, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const message = `render: cannot read theme manifest ${manifestPath} (${reason}); ${restoreHint}`;
    throw new RenderError('theme-not-found', message, { cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw invalid(manifestPath, [`it is not valid JSON (${reason})`], error);
  }
  const problems: string[] = [];
  const theme = checkManifest(data, themeDir, problems);
  if (theme === undefined) throw invalid(manifestPath, problems);
  return theme;
}

function checkManifest(data: unknown, dir: string, problems: string[]): Theme | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    problems.push('it must hold a JSON object');
    return undefined;
  }
  const record = data as Record<string, unknown>;
  const { name, description, templates, assets, parent, pages } = record;
  if (typeof name !== 'string' || name.trim() === '') problems.push('"name" must be a non-empty string');
  if (description !== undefined && typeof description !== 'string') problems.push('"description" must be a string');
  let parentDir: string | undefined;
  if (parent !== undefined) {
    if (typeof parent !== 'string' || parent === '') problems.push('"parent" must be a path to a theme directory');
    else if (!isDirectory((parentDir = resolve(dir, parent)))) problems.push(`"parent" names ${parentDir}, which is not a directory`);
  }
  // A child theme may render nothing of its own and only restyle its parent.
  if (!Array.isArray(templates) || (templates.length === 0 && parentDir === undefined)) {
    problems.push('"templates" must be a non-empty list of template file names');
  } else {
    templates.forEach((template: unknown, i) => checkTemplate(template, `"templates"[${i}]`, dir, problems));
  }
  const pageTemplates = checkPages(pages, dir, problems);
  if (assets !== undefined) {
    if (typeof assets !== 'string' || !isInside(assets)) problems.push('"assets" must be a folder inside the theme');
    else if (!isDirectory(join(dir, assets))) problems.push(`"assets" names ${assets}, which is not a folder in the theme`);
  }
  if (problems.length > 0) return undefined;
  return {
    dir,
    name: name as string,
    description: description as string | undefined,
    templates: templates as string[],
    pages: pageTemplates,
    assets: assets as string | undefined,
    parent: parentDir,
  };
}

function checkPages(pages: unknown, dir: string, problems: string[]): Partial<Record<PageKind, string>> {
  if (pages === undefined) return {};
  if (typeof pages !== 'object' || pages === null || Array.isArray(pages)) {
    problems.push(`"pages" must be an object mapping ${pageKinds.join(', ')} to template file names`);
    return {};
  }
  const out: Partial<Record<PageKind, string>> = {};
  for (const [kind, template] of Object.entries(pages)) {
    if (!(pageKinds as readonly string[]).includes(kind)) {
      problems.push(`"pages" has unknown kind "${kind}"; known kinds: ${pageKinds.join(', ')}`);
    } else if (checkTemplate(template, `"pages".${kind}`, dir, problems)) {
      out[kind as PageKind] = template as string;
    }
  }
  return out;
}

function checkTemplate(template: unknown, where: string, dir: string, problems: string[]): boolean {
  if (typeof template !== 'string' || !template.endsWith('.njk') || template === '.njk' || !isInside(template)) {
    problems.push(`${where} must be a file name inside the theme ending in .njk`);
    return false;
  }
  // A page template may come from the parent theme, so only `templates` must exist here.
  if (where.startsWith('"templates"') && !statSync(join(dir, template), { throwIfNoEntry: false })?.isFile()) {
    problems.push(`${where} names ${template}, which is not a file in the theme`);
    return false;
  }
  return true;
}

function invalid(manifestPath: string, problems: string[], cause?: unknown): RenderError {
  const message =
    `render: theme manifest ${manifestPath} is invalid: ${problems.join('; ')}. ` +
    'Fix the manifest, or set `theme` in planet.toml to another theme.';
  return new RenderError('theme-invalid', message, { cause });
}

/** A relative path that stays inside its base: outputs are written under outDir by the same path. */
function isInside(path: string): boolean {
  if (path === '' || isAbsolute(path) || path.includes('\\')) return false;
  const normal = normalize(path);
  return normal !== '..' && !normal.startsWith(`..${sep}`) && normal !== '.';
}

function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
