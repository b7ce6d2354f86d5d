import { basename, resolve } from 'node:path';
import iconv from 'iconv-lite';
import type { PlanetSettings } from '../model/index.ts';

type TemplateSettings = Pick<PlanetSettings, 'templateFiles' | 'dateFormat' | 'newDateFormat' | 'encoding' | 'billOfMaterials'>;

/** Planet 2.0's encodings that mean "ASCII with character references" rather than a code page. */
const referenceEncodings = ['xml', 'html', 'sgml'];

/** An encoding htmltmpl pages can be written in: an iconv-lite name, or xml / html / sgml. */
export function isWritableEncoding(encoding: string): boolean {
  return referenceEncodings.includes(encoding.toLowerCase()) || iconv.encodingExists(encoding);
}

/**
 * The [planet] keys of Planet 2.0's template output (template_files, date_format,
 * new_date_format, encoding, bill_of_materials), checked; template paths become absolute.
 */
export function templateSettings(
  planet: Record<string, unknown>,
  where: string,
  configDir: string,
  report: (where: string, message: string) => void,
): TemplateSettings {
  const files = planet.template_files as readonly string[] | undefined;
  for (const file of files ?? []) {
    if (!/.\.(tmpl|njk)$/.test(basename(file))) {
      report(`${where} template_files`, `"${file}" must end in .tmpl (htmltmpl) or .njk (Nunjucks), e.g. "index.html.tmpl"`);
    }
  }
  const encoding = String(planet.encoding ?? 'utf-8');
  if (!isWritableEncoding(encoding)) {
    report(`${where} encoding`, `"${encoding}" is not an encoding Planet can write; use e.g. "utf-8", "iso-8859-1" or "windows-1252"`);
  }
  const materials = planet.bill_of_materials as readonly string[] | undefined;
  for (const file of materials ?? []) {
    if (file.startsWith('/') || file.split(/[\\/]/).includes('..')) {
      report(`${where} bill_of_materials`, `"${file}" must be a path inside the template directories, e.g. "images/logo.png"`);
    }
  }
  return {
    ...(files === undefined ? {} : { templateFiles: files.map((file) => resolve(configDir, file)) }),
    dateFormat: String(planet.date_format),
    newDateFormat: String(planet.new_date_format),
    encoding,
    ...(materials === undefined ? {} : { billOfMaterials: materials }),
  };
}
