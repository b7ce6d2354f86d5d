/**
 * The template options of [Planet]: template_files, template_directories, bill_of_materials and
 * Venus's output_theme (a directory whose config.ini lists the theme's templates and files; Venus
 * put them before the planet's own, planet/config.py load()).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { IniContext } from './context.ts';
import type { IniOption, IniSection } from './read-ini.ts';
import { readIni, sectionOptions } from './read-ini.ts';
import { iniValue } from './interpolate.ts';

/** The options this module converts. */
export const templateOptions: ReadonlySet<string> = new Set(['template_files', 'template_directories', 'bill_of_materials', 'output_theme']);

const split = (value: string | undefined): string[] => (value ?? '').split(/\s+/).filter((item) => item !== '');

/** A template list and where its relative names are looked for. */
interface Templates {
  files: string[];
  dirs: string[];
  materials: string[];
}

/** Converts the template options of [Planet] into [planet] template_files, theme and bill_of_materials. */
export function mapTemplates(ctx: IniContext, section: IniSection, bundledThemes: string): void {
  const options = sectionOptions(ctx.doc, section);
  const value = (name: string): string | undefined => {
    const option = options.get(name);
    return option === undefined || option.value.trim() === '' ? undefined : ctx.value(section, option);
  };
  const own: Templates = {
    files: split(value('template_files')),
    dirs: split(value('template_directories')).map((dir) => ctx.inputPath(dir)),
    materials: split(value('bill_of_materials')),
  };
  const themeOption = options.get('output_theme');
  const themeName = value('output_theme');
  let theme: Templates | undefined;
  if (themeOption !== undefined && themeName !== undefined) {
    if (/^[a-z0-9-]+$/.test(themeName) && existsSync(join(bundledThemes, themeName))) {
      ctx.table('planet').theme = themeName;
      ctx.origin('[planet] theme', section, themeOption);
    } else {
      theme = venusTheme(ctx, themeName);
      if (theme === undefined) {
        ctx.warn('output_theme', ctx.sourceOf(section, themeOption), 'output_theme',
          `no Venus theme "${themeName}" (a directory with a config.ini) beside this file or in the working directory, nor a bundled theme of that name; Planet uses its bundled "default" theme`);
      }
    }
  }
  const dirs = [...own.dirs, ...(theme?.dirs ?? [])];
  const files = [...(theme?.files ?? []), ...own.files];
  const filesOption = options.get('template_files') ?? themeOption;
  if (files.length > 0 && filesOption !== undefined) setTemplateFiles(ctx, section, filesOption, files, dirs);
  const materials = [...new Set([...(theme?.materials ?? []), ...own.materials])];
  const materialsOption = options.get('bill_of_materials') ?? themeOption;
  if (materials.length > 0 && materialsOption !== undefined) setMaterials(ctx, section, materialsOption, materials, dirs);
}

function setTemplateFiles(ctx: IniContext, section: IniSection, option: IniOption, files: string[], dirs: string[]): void {
  // Venus also rendered XSLT, Genshi and Django templates; we render htmltmpl and Nunjucks.
  const other = files.filter((file) => !/\.(tmpl|njk)$/.test(file));
  if (other.length > 0) {
    ctx.warn('template_files', ctx.sourceOf(section, option), option.name,
      `${other.join(', ')} not rendered: Planet renders htmltmpl (.tmpl) and Nunjucks (.njk) templates, not XSLT, Genshi or Django ones; port ${other.length === 1 ? 'it' : 'them'} to one of those`);
  }
  ctx.table('planet').template_files = files.filter((file) => !other.includes(file)).map((file) => ctx.inputPath(file, dirs));
  ctx.origin('[planet] template_files', section, option);
}

/** Files are copied from the templates' directories; one found only elsewhere cannot be, and is named. */
function setMaterials(ctx: IniContext, section: IniSection, option: IniOption, materials: string[], dirs: string[]): void {
  const templates = (ctx.table('planet').template_files as string[] | undefined) ?? [];
  const templateDirs = [...new Set(templates.map((file) => dirname(file)))];
  const found = materials.filter((file) => templateDirs.some((dir) => existsSync(join(dir, file))));
  const missing = materials.filter((file) => !found.includes(file));
  if (missing.length > 0) {
    const elsewhere = missing.filter((file) => [ctx.configDir, ...dirs].some((dir) => existsSync(join(dir, file))));
    ctx.warn('bill_of_materials', ctx.sourceOf(section, option), option.name,
      `${missing.join(', ')} not copied: Planet copies these files from the directories of template_files` +
      (elsewhere.length > 0 ? `, and ${elsewhere.join(', ')} ${elsewhere.length === 1 ? 'is' : 'are'} elsewhere; move ${elsewhere.length === 1 ? 'it' : 'them'} beside the templates` : '; none has them'));
  }
  if (found.length > 0) {
    ctx.table('planet').bill_of_materials = found;
    ctx.origin('[planet] bill_of_materials', section, option);
  }
}

/** A Venus theme directory's config.ini (Venus looked in the working directory, then its own themes/). */
function venusTheme(ctx: IniContext, name: string): Templates | undefined {
  const candidates = [ctx.configDir, ctx.cwd].flatMap((base) => [resolve(base, name), resolve(base, 'themes', name)]);
  const dir = candidates.find((candidate) => existsSync(join(candidate, 'config.ini')));
  if (dir === undefined) return undefined;
  const file = join(dir, 'config.ini');
  const doc = readIni(readFileSync(file, 'utf8'), file);
  const planet = [...doc.sections.values()].find((s) => s.name.toLowerCase() === 'planet');
  if (planet === undefined) return { files: [], dirs: [dir], materials: [] };
  return {
    files: split(iniValue(doc, planet, 'template_files')),
    dirs: [dir, ...split(iniValue(doc, planet, 'template_directories')).map((d) => resolve(dir, d))],
    materials: split(iniValue(doc, planet, 'bill_of_materials')),
  };
}
