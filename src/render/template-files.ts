import { copyFile, mkdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import iconv from 'iconv-lite';
import { RenderError } from '../model/index.ts';
import { createEnvironment } from './environment.ts';
import { loadMessages } from './messages.ts';
import { compileTemplateFile, processTemplate } from './htmltmpl/index.ts';
import { planet2Vars } from './planet2-vars.ts';
import type { Planet2Settings } from './planet2-vars.ts';
import { createStrftime } from './strftime.ts';
import type { SiteView } from './view-model.ts';

/** A site made of the config's own templates (Planet 2.0's template_files) instead of a theme's pages. */
export interface TemplateFiles {
  /** Absolute paths: *.tmpl render with htmltmpl and Planet 2.0's variables, *.njk with Nunjucks and the view model. */
  files: readonly string[];
  /** Output encoding of the htmltmpl pages: an iconv-lite name, or xml / html / sgml (ASCII with references). */
  encoding?: string;
  /** Files copied from the templates' directories, by their path relative to those directories. */
  billOfMaterials?: readonly string[];
  planet2: Planet2Settings;
  /** What single htmltmpl templates render with instead, by their path (a template's own config section). */
  perFile?: ReadonlyMap<string, { planet2: Planet2Settings; encoding?: string }>;
}

/** The file a template writes: its name minus the engine's extension ("index.html.tmpl" -> "index.html"). */
export function outputName(template: string): string {
  return basename(template).replace(/\.(tmpl|njk)$/, '');
}

/**
 * Renders every template into `outDir` (all before writing any, so a broken template writes
 * nothing), then copies the bill of materials. Nunjucks templates find includes beside
 * themselves first, then in `themeSearchPath`. Returns the relative paths written.
 */
export async function renderTemplateFiles(view: SiteView, templates: TemplateFiles, outDir: string, themeSearchPath: string[]): Promise<string[]> {
  const strftime = createStrftime(view.planet.timezone, view.planet.locale);
  const utc = createStrftime('UTC', 'en');
  // The theme's words for any Nunjucks template, read once for all of them.
  const messages = loadMessages(themeSearchPath, view.planet.locale);
  const outputs = templates.files.map((file) => {
    const name = outputName(file);
    if (file.endsWith('.njk')) {
      const env = createEnvironment([dirname(file), ...themeSearchPath], messages);
      return { name, data: guard(file, () => env.render(basename(file), { ...view })) as string | Buffer };
    }
    const own = templates.perFile?.get(file);
    const nodes = compileTemplateFile(file);
    const text = guard(file, () => processTemplate(nodes, planet2Vars(view, name, own?.planet2 ?? templates.planet2, strftime, utc)));
    return { name, data: encode(text, own?.encoding ?? templates.encoding ?? 'utf-8') };
  });
  const written: string[] = [];
  for (const output of outputs) {
    await writeFile(join(outDir, output.name), output.data);
    written.push(output.name);
  }
  const dirs = [...new Set(templates.files.map((file) => dirname(file)))];
  for (const material of templates.billOfMaterials ?? []) {
    const source = await findMaterial(material, dirs);
    const target = join(outDir, material);
    await mkdir(dirname(target), { recursive: true });
    await copyFile(source, target);
    written.push(material.split(/[\\/]/).join('/'));
  }
  return written;
}

function guard<T>(file: string, render: () => T): T {
  try {
    return render();
  } catch (error) {
    if (error instanceof RenderError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new RenderError('template', `render: template ${file} failed: ${reason}\nFix the template, or remove it from template_files.`, { cause: error });
  }
}

async function findMaterial(material: string, dirs: string[]): Promise<string> {
  for (const dir of dirs) {
    const path = join(dir, material);
    if ((await stat(path).catch(() => undefined))?.isFile()) return path;
  }
  throw new RenderError(
    'template',
    `render: bill_of_materials names ${material}, which is in none of the template directories (${dirs.join(', ')}); add the file or remove it from bill_of_materials`,
  );
}

/** Characters an encoding lacks become numeric character references, which HTML and XML read back. */
function encode(text: string, encoding: string): string | Buffer {
  const lower = encoding.toLowerCase();
  if (lower === 'utf-8' || lower === 'utf8') return text;
  const ascii = ['xml', 'html', 'sgml'].includes(lower);
  const known = new Map<string, boolean>();
  const fits = (char: string): boolean => {
    let ok = known.get(char);
    if (ok === undefined) {
      ok = !ascii && iconv.decode(iconv.encode(char, encoding), encoding) === char;
      known.set(char, ok);
    }
    return ok;
  };
  let out = '';
  for (const char of text) out += char.charCodeAt(0) < 0x80 || fits(char) ? char : `&#${char.codePointAt(0)};`;
  return ascii ? Buffer.from(out, 'latin1') : iconv.encode(out, encoding);
}
