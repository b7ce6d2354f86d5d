/** What converting one config.ini collects: the native data, where each key came from, warnings and problems. */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { DEFAULT_SECTION } from './read-ini.ts';
import type { IniDocument, IniOption, IniSection } from './read-ini.ts';
import { iniValue } from './interpolate.ts';
import { rawOptions } from './planet-options.ts';

/** The INI section and option a native key came from, for messages and for comments in `planet import`. */
export interface IniOrigin {
  section: string;
  option?: string;
  line: number;
  comments: readonly string[];
}

type Table = Record<string, unknown>;

interface WarningEntry {
  where: string;
  text: string;
  others: Set<string>;
}

/** Mutable state of one conversion; map-*.ts fill it in. */
export class IniContext {
  readonly doc: IniDocument;
  readonly configDir: string;
  readonly cwd: string;
  readonly data: Table = {};
  /** Native location ("[planet] items_per_page", "[[feeds]] #3 name", "[[feeds]] #3") -> INI origin. */
  readonly origins = new Map<string, IniOrigin>();
  readonly problems: string[] = [];
  private readonly warningsByKey = new Map<string, WarningEntry>();

  constructor(doc: IniDocument, cwd: string) {
    this.doc = doc;
    this.configDir = dirname(doc.file);
    this.cwd = cwd;
  }

  /** The native table `name`, created on first use. */
  table(name: string): Table {
    const existing = this.data[name];
    if (typeof existing === 'object' && existing !== null && !Array.isArray(existing)) return existing as Table;
    const created: Table = {};
    this.data[name] = created;
    return created;
  }

  /** The section an option really comes from: its own section, or [DEFAULT] when inherited. */
  sourceOf(section: IniSection, option: IniOption): string {
    return section.options.get(option.name) === option ? section.name : DEFAULT_SECTION;
  }

  /** The option's value as Planet read it (interpolated unless Planet read it raw). */
  value(section: IniSection, option: IniOption): string {
    return iniValue(this.doc, section, option.name, rawOptions.has(option.name)) ?? '';
  }

  /** Records that native key `where` came from an option. */
  origin(where: string, section: IniSection, option?: IniOption): void {
    const source = option === undefined ? section.name : this.sourceOf(section, option);
    this.origins.set(where, {
      section: source,
      ...(option === undefined ? {} : { option: option.name }),
      line: option?.line ?? section.line,
      comments: option?.comments ?? section.comments,
    });
  }

  /** A warning, said once per `key` however many sections repeat the option; later sections are counted. */
  warn(key: string, section: string, option: string, text: string): void {
    const where = `[${section}] ${option}`;
    const entry = this.warningsByKey.get(key);
    if (entry === undefined) this.warningsByKey.set(key, { where, text, others: new Set() });
    else if (entry.where !== where) entry.others.add(section);
  }

  /** One line per warning, naming the file, the section and option, and what happens instead. */
  warnings(): string[] {
    return [...this.warningsByKey.values()].map((w) => {
      const n = w.others.size;
      const also = n === 0 ? '' : ` (also in ${n} other section${n === 1 ? '' : 's'})`;
      return `config: ${this.doc.file}: ${w.where}${also}: ${w.text}`;
    });
  }

  /** A bad value, named by its INI section, option and line. */
  problem(section: IniSection, option: IniOption, message: string): void {
    this.problems.push(`${this.doc.file}:${option.line}: [${this.sourceOf(section, option)}] ${option.name}: ${message}`);
  }

  /** A whole number as Python's int() reads it, or a problem. */
  integer(section: IniSection, option: IniOption): number | undefined {
    const text = this.value(section, option).trim();
    if (/^[+-]?\d+$/.test(text)) return Number(text);
    this.problem(section, option, `expected a whole number, got "${text}"`);
    return undefined;
  }

  /**
   * An input file or directory named in the INI: relative to the config's directory, else to the
   * search directories, else to the working directory (Planet 2.0 and Venus resolved against the
   * directory they were started in, e.g. Planet Python's "config/index.html.tmpl").
   */
  inputPath(path: string, searchDirs: readonly string[] = []): string {
    if (isAbsolute(path)) return path;
    for (const dir of [this.configDir, ...searchDirs, this.cwd]) {
      const candidate = resolve(dir, path);
      if (existsSync(candidate)) return candidate;
    }
    return resolve(this.configDir, path);
  }
}
