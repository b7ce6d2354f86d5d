/**
 * `planet import`: a Planet 2.0 / Venus config.ini as native planet.toml text. Values come from the
 * same conversion `planet run -c config.ini` uses, so both load to the same PlanetConfig; comments
 * above a section or option carry over, and what could not be converted heads the file.
 */
import { dirname, isAbsolute, relative } from 'node:path';
import { stringify } from 'smol-toml';
import type { IniOrigin } from './context.ts';
import { convertIni, parseIniConfig } from './load-ini.ts';

/** The TOML text of a config.ini, meant to be saved beside it (paths are relative to its directory), and the warnings. */
export function iniToToml(text: string, configPath: string, cwd = process.cwd(), notes: readonly string[] = []): { toml: string; warnings: readonly string[] } {
  // Validate first, so a bad value is reported in the INI's terms rather than in the TOML's.
  const { warnings } = parseIniConfig(text, configPath, cwd, notes);
  const { data, origins } = convertIni(text, configPath, cwd);
  const writer = new TomlWriter(origins, dirname(configPath));
  writer.header(configPath, warnings ?? []);
  const order = ['planet', 'template_options', 'fetch', 'entries', 'filters', 'reading_lists', 'feeds'];
  const rank = (name: string): number => (order.includes(name) ? order.indexOf(name) : order.length);
  for (const [name, value] of Object.entries(data).sort(([a], [b]) => rank(a) - rank(b))) {
    if (Array.isArray(value)) value.forEach((table, i) => writer.table(`[[${name}]]`, `[[${name}]] #${i + 1}`, table as Record<string, unknown>));
    else writer.table(`[${name}]`, `[${name}]`, value as Record<string, unknown>);
  }
  return { toml: writer.text(), warnings: warnings ?? [] };
}

/** Keys whose values are paths the converter made absolute; written relative to the config's directory. */
const PATH_KEYS = new Set(['[planet] output_dir', '[planet] database', '[planet] template_files', '[[reading_lists]] url', '[[template_options]] file']);

/** Planet 2.0 defaults the conversion sets when the option is absent, and why. */
const DEFAULT_NOTES: Record<string, string> = {
  '[planet] activity_threshold': 'Planet 2.0 and Venus default: no activity threshold',
  '[entries] new_feed_items': 'Planet 2.0 default: a new feed shows its 10 newest entries',
};

class TomlWriter {
  private readonly lines: string[] = [];
  private readonly said = new Set<string>();
  private readonly origins: ReadonlyMap<string, IniOrigin>;
  private readonly baseDir: string;

  constructor(origins: ReadonlyMap<string, IniOrigin>, baseDir: string) {
    this.origins = origins;
    this.baseDir = baseDir;
  }

  header(configPath: string, warnings: readonly string[]): void {
    this.lines.push(`# Converted from ${configPath} by \`planet import\`.`, '# Relative paths are relative to the directory of that file: save this file beside it.');
    if (warnings.length > 0) {
      this.lines.push('#', '# Not converted:');
      for (const w of warnings) this.lines.push(`#   ${w.replace(/^config: [^\n]*?\.ini: /, '')}`);
    }
  }

  table(header: string, where: string, table: Record<string, unknown>): void {
    this.lines.push('');
    this.comments(where);
    this.lines.push(header);
    for (const [key, value] of Object.entries(table)) {
      this.comments(`${where} ${key}`);
      const note = DEFAULT_NOTES[`${header} ${key}`];
      if (note !== undefined && !this.origins.has(`${where} ${key}`)) this.lines.push(`# ${note}`);
      const pathKey = PATH_KEYS.has(`${header} ${key}`);
      this.lines.push(`${bareOrQuoted(key)} = ${tomlValue(pathKey ? this.relativePaths(value) : value)}`);
    }
  }

  text(): string {
    return `${this.lines.join('\n')}\n`;
  }

  /** The INI comments above what `where` came from, each said once (feed defaults share [Planet]'s). */
  private comments(where: string): void {
    const origin = this.origins.get(where);
    if (origin === undefined || origin.comments.length === 0) return;
    const id = `${origin.section}\n${origin.line}`;
    if (this.said.has(id)) return;
    this.said.add(id);
    for (const comment of origin.comments) this.lines.push(comment === '' ? '#' : `# ${comment}`);
  }

  private relativePaths(value: unknown): unknown {
    // Inside the config's directory a path is written relative to it; elsewhere (/srv/www) it stays absolute.
    const rel = (p: string): string => {
      const inside = relative(this.baseDir, p);
      return isAbsolute(p) && !inside.startsWith('..') && !isAbsolute(inside) ? inside || '.' : p;
    };
    if (typeof value === 'string') return /^[a-z]+:\/\//i.test(value) ? value : rel(value);
    if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? rel(v) : v));
    return value;
  }
}

const bareOrQuoted = (key: string): string => (/^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key));

/** One TOML value; tables are written inline, as a [[feeds]] table's `extra` must be. */
function tomlValue(value: unknown): string {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const pairs = Object.entries(value).map(([k, v]) => `${bareOrQuoted(k)} = ${tomlValue(v)}`);
    return `{ ${pairs.join(', ')} }`;
  }
  return stringify({ v: value }).replace(/^v = /, '').trimEnd();
}
