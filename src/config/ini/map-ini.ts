/**
 * A Planet 2.0 / Venus config.ini (read by read-ini.ts) -> the native planet.toml data, which
 * validateConfig then checks like any planet.toml. Sections are told apart as Venus does
 * (planet/config.py): [Planet], template sections (named in template_files), filter sections
 * (named in filters), reading lists (content_type opml/foaf/csv/config), and feeds (the rest).
 */
import { basename } from 'node:path';
import { decodeHTML } from 'entities';
import type { IniOrigin } from './context.ts';
import { IniContext } from './context.ts';
import type { IniDocument, IniSection } from './read-ini.ts';
import { sectionOptions } from './read-ini.ts';
import { iniValue } from './interpolate.ts';
import { filterProgram, mapFilters } from './map-filters.ts';
import type { FeedDefaults } from './map-planet.ts';
import { mapPlanetSection } from './map-planet.ts';
import { entryOptions, planetWideOptions, unsupportedPlanetOptions } from './planet-options.ts';

/** The native data of a config.ini, where each key came from, and what could not be converted. */
export interface MappedIni {
  data: Record<string, unknown>;
  origins: ReadonlyMap<string, IniOrigin>;
  warnings: readonly string[];
  /** Problems with values, each naming the INI section, option and line; empty when all converted. */
  problems: readonly string[];
}

/** Converts a parsed config.ini; `bundledThemes` is the directory of Planet's own themes. */
export function mapIni(doc: IniDocument, options: { cwd: string; bundledThemes: string }): MappedIni {
  const ctx = new IniContext(doc, options.cwd);
  const planet = [...doc.sections.values()].find((s) => s.name.toLowerCase() === 'planet');
  if (planet === undefined) {
    ctx.problems.push(`${doc.file}: [Planet] section is missing; it needs at least name and link`);
    return { data: ctx.data, origins: ctx.origins, warnings: ctx.warnings(), problems: ctx.problems };
  }
  ctx.origin('[planet]', planet);
  const feedDefaults = mapPlanetSection(ctx, planet, options.bundledThemes);
  const templates = new Set<string>();
  for (const file of (iniValue(doc, planet, 'template_files') ?? '').split(/\s+/).filter((f) => f !== '')) {
    templates.add(file).add(basename(file));
  }
  const filterSections = new Set<string>();
  for (const section of [doc.defaults, ...doc.sections.values()]) {
    for (const token of (iniValue(doc, section, 'filters') ?? '').split(/\s+/).filter((t) => t !== '')) {
      filterSections.add(token).add(filterProgram(token));
    }
  }
  const feeds: Record<string, unknown>[] = [];
  const lists: Record<string, unknown>[] = [];
  const templateTables: Record<string, unknown>[] = [];
  for (const section of doc.sections.values()) {
    if (section === planet || filterSections.has(section.name)) continue;
    if (templates.has(section.name)) mapTemplateSection(ctx, section, planet, templateTables);
    else if (isReadingList(ctx, section)) mapReadingList(ctx, section, lists);
    else feeds.push(mapFeed(ctx, section, feeds.length + 1, feedDefaults));
  }
  if (feeds.length > 0) ctx.data.feeds = feeds;
  if (lists.length > 0) ctx.data.reading_lists = lists;
  if (templateTables.length > 0) ctx.data.template_options = templateTables;
  if (Object.keys(ctx.table('filters')).length === 0) delete ctx.data.filters;
  return { data: ctx.data, origins: ctx.origins, warnings: ctx.warnings(), problems: ctx.problems };
}

/** Venus: a section whose content_type names a list format is a reading list, not a feed. */
function isReadingList(ctx: IniContext, section: IniSection): boolean {
  const type = iniValue(ctx.doc, section, 'content_type') ?? '';
  return /opml|foaf|csv|config/.test(type) || type.includes('.');
}

function mapReadingList(ctx: IniContext, section: IniSection, lists: Record<string, unknown>[]): void {
  const options = sectionOptions(ctx.doc, section);
  const typeOption = options.get('content_type');
  const type = iniValue(ctx.doc, section, 'content_type') ?? '';
  const format = ['opml', 'foaf', 'csv'].find((f) => type.includes(f));
  if (format === undefined || typeOption === undefined) {
    ctx.warn(`list-type ${type}`, section.name, 'content_type',
      `"${type}" reading lists (other config.ini files, or lists converted by a command) are not read; use an OPML, FOAF or CSV list; its feeds are not subscribed`);
    return;
  }
  const where = `[[reading_lists]] #${lists.length + 1}`;
  const url = /^https?:\/\//i.test(section.name) ? section.name : ctx.inputPath(section.name);
  lists.push({ url, format });
  ctx.origin(where, section);
  ctx.origin(`${where} url`, section);
  ctx.origin(`${where} format`, section, typeOption);
  for (const option of section.options.values()) {
    if (option.name === 'content_type') continue;
    ctx.warn(`list-option ${option.name}`, section.name, option.name,
      'options of a reading list section are not applied to the feeds it lists; ignored (set them in [DEFAULT] or per feed)');
  }
}

// The options Planet 2.0 read from a template's own section before [Planet] (planet/__init__.py,
// tmpl_config_get): they become that template's [[template_options]].
const perTemplateOptions: Record<string, 'integer' | 'string'> = {
  items_per_page: 'integer',
  days_per_page: 'integer',
  date_format: 'string',
  new_date_format: 'string',
  encoding: 'string',
  activity_threshold: 'integer',
};

/**
 * A template's section (named as in template_files, or by the file's name): its values that
 * differ from [Planet] apply to that template alone, as in Planet 2.0. Other options (Planet
 * 2.0 also read output_dir there) are warned about, and the [Planet] value applies.
 */
function mapTemplateSection(ctx: IniContext, section: IniSection, planet: IniSection, tables: Record<string, unknown>[]): void {
  const resolved = (ctx.table('planet').template_files as string[] | undefined) ?? [];
  const file = resolved.find((path) => path === section.name || path.endsWith(`/${section.name.replace(/^\.\//, '')}`));
  const table: Record<string, unknown> = {};
  const where = `[[template_options]] #${tables.length + 1}`;
  for (const option of section.options.values()) {
    const own = ctx.value(section, option);
    const planetOption = sectionOptions(ctx.doc, planet).get(option.name);
    const planetValue = planetOption === undefined ? undefined : ctx.value(planet, planetOption);
    if (own === planetValue) continue;
    const kind = perTemplateOptions[option.name];
    if (kind !== undefined && file?.endsWith('.tmpl') === true) {
      const value = kind === 'integer' ? ctx.integer(section, option) : own;
      if (value === undefined) continue;
      table[option.name] = value;
      ctx.origin(`${where} ${option.name}`, section, option);
      continue;
    }
    const instead = planetValue === undefined ? 'the default applies' : `the [${planet.name}] value "${planetValue}" applies`;
    const why = kind === undefined ? 'is not a per-template option here' : 'applies only to htmltmpl (*.tmpl) templates';
    ctx.warn(`template ${section.name} ${option.name}`, section.name, option.name, `${why}; ${instead} to this template`);
  }
  if (file === undefined || Object.keys(table).length === 0) return;
  tables.push({ file, ...table });
  ctx.origin(where, section);
  ctx.origin(`${where} file`, section);
}

/** Names a template can read an extra key by (htmltmpl channel_<key>, Nunjucks feed.extra.<key>). */
const EXTRA_KEY = /^[A-Za-z0-9_.-]+$/;

function mapFeed(ctx: IniContext, section: IniSection, n: number, feedDefaults: FeedDefaults): Record<string, unknown> {
  const where = `[[feeds]] #${n}`;
  const feed: Record<string, unknown> = { url: section.name };
  const extra: Record<string, string> = {};
  ctx.origin(where, section);
  ctx.origin(`${where} url`, section);
  const own = new Set<string>();
  for (const option of sectionOptions(ctx.doc, section).values()) {
    const value = ctx.value(section, option);
    const source = ctx.sourceOf(section, option);
    const set = (key: string, v: unknown): void => {
      feed[key] = v;
      ctx.origin(`${where} ${key}`, section, option);
    };
    // An empty name, filter or entry option is unset, as Planet 2.0's "if channel.filter:" read it.
    const unset = value.trim() === '';
    if (option.name === 'name' || option.name === 'filter' || option.name === 'exclude' || entryOptions.has(option.name)) {
      // Set here, even empty, a [Planet] entry option is not applied to this feed (Venus's get()).
      own.add(option.name);
      if (unset) continue;
    }
    // Planet 2.0 printed a feed's name as HTML (see htmlTextOptions): `Ga&#235;l` read as "Gaël".
    if (option.name === 'name') set('name', decodeHTML(value));
    else if (option.name === 'filter' || option.name === 'exclude') set(option.name, value);
    else if (option.name === 'hidden') {
      // Planet 2.0 hides a channel when the key exists at all ("hidden: True if exists").
      set('hidden', true);
      if (/^(no|false|off|0)$/i.test(value.trim())) {
        ctx.warn('hidden-false', source, option.name,
          `is "${value}", but Planet 2.0 hid a feed whenever hidden was set, whatever its value; this feed is hidden (remove the option to show it)`);
      }
    } else if (option.name === 'ignore_in_feed') set(option.name, value.split(/\s+/).filter((v) => v !== ''));
    else if (entryOptions.has(option.name)) set(option.name, entryOption(option.name, value));
    else if (option.name === 'filters') mapFilters(ctx, section, option, { table: feed, where });
    else {
      const reason = unsupportedPlanetOptions[option.name];
      if (reason !== undefined) ctx.warn(option.name, source, option.name, `not supported: ${reason}; ignored`);
      else if (planetWideOptions.has(option.name) && source !== 'DEFAULT') {
        ctx.warn(`feed-planet-option ${option.name}`, source, option.name,
          `applies to the whole planet (set it in [Planet]); in a feed section it is only passed to templates, as channel_${option.name}`);
      }
      if (EXTRA_KEY.test(option.name)) extra[option.name] = value;
      else ctx.warn(`extra-name ${option.name}`, source, option.name, 'is not a name templates can use (letters, digits, _ . -); ignored');
    }
  }
  for (const [name, { value, option, section: planet }] of feedDefaults) {
    if (own.has(name)) continue;
    feed[name] = name === 'ignore_in_feed' ? value.split(/\s+/).filter((v) => v !== '') : entryOption(name, value);
    ctx.origin(`${where} ${name}`, planet, option);
  }
  if (Object.keys(extra).length > 0) {
    feed.extra = extra;
    ctx.origin(`${where} extra`, section);
  }
  return feed;
}

/**
 * Venus's *_type overrides take text, html, xhtml or a MIME type (planet/spider.py type_map);
 * ours take text or html, XHTML being HTML to the sanitizer.
 */
function entryOption(name: string, value: string): string {
  if (!name.endsWith('_type')) return value;
  const type = value.trim().toLowerCase();
  if (type === 'text/plain') return 'text';
  if (type === 'xhtml' || type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  return type;
}
