import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, normalize, sep } from 'node:path';
import { RenderError } from '../model/index.ts';

/** A theme's manifest (`theme.json`), checked, with paths resolved against the theme dir. */
export interface Theme {
  /** Absolute path of the theme directory. */
  dir: string;
  name: string;
  description?: string;
  /** Template files, relative to dir; each renders to its name minus `.njk`. */
  templates: string[];
  /** The assets folder, relative to dir, when the theme has one. */
  assets?: string;
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
  const { name, description, templates, assets } = record;
  if (typeof name !== 'string' || name.trim() === '') problems.push('"name" must be a non-empty string');
  if (description !== undefined && typeof description !== 'string') problems.push('"description" must be a string');
  if (!Array.isArray(templates) || templates.length === 0) {
    problems.push('"templates" must be a non-empty list of template file names');
  } else {
    templates.forEach((template: unknown, i) => checkTemplate(template, i, dir, problems));
  }
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
    assets: assets as string | undefined,
  };
}

function checkTemplate(template: unknown, i: number, dir: string, problems: string[]): void {
  if (typeof template !== 'string' || !template.endsWith('.njk') || template === '.njk' || !isInside(template)) {
    problems.push(`"templates"[${i}] must be a file name inside the theme ending in .njk`);
  } else if (!statSync(join(dir, template), { throwIfNoEntry: false })?.isFile()) {
    problems.push(`"templates"[${i}] names ${template}, which is not a file in the theme`);
  }
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
