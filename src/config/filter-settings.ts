// The [filters] keys (also valid on one [[feeds]] table), Venus's per-feed entry options and
// [[reading_lists]], from checked TOML values to the model's settings.
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { EntryOptions, FilterSettings, ReadingListConfig } from '../model/index.ts';
import { ignorableEntryFields } from '../model/index.ts';

type Values = Record<string, unknown>;
type Report = (where: string, message: string) => void;

/**
 * A regex as Planet 2.0 and Venus configs write it (Python `re` syntax) in JavaScript syntax:
 * named groups `(?P<n>...)` and `(?P=n)` are renamed, and leading inline flags like `(?i)` are
 * dropped (matching is case-insensitive anyway, as in Planet 2.0). Undefined when invalid.
 */
export function pythonRegex(source: string): { source: string } | { error: string } {
  const converted = source
    .replace(/^\(\?[aiLmsux]+\)/, '')
    .replace(/\(\?P<([A-Za-z_]\w*)>/g, '(?<$1>')
    .replace(/\(\?P=([A-Za-z_]\w*)\)/g, '\\k<$1>');
  try {
    new RegExp(converted, 'i');
    return { source: converted };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** The filter keys a table sets; undefined when it sets none. */
export function filterSettings(table: Values, where: string, configDir: string, report: Report): FilterSettings | undefined {
  const out: { -readonly [K in keyof FilterSettings]: FilterSettings[K] } = {};
  for (const key of ['filter', 'exclude'] as const) {
    const value = table[key];
    if (typeof value !== 'string') continue;
    const regex = pythonRegex(value);
    if ('error' in regex) report(`${where} ${key}`, `is not a valid regular expression (${regex.error})`);
    else out[key] = regex.source;
  }
  if (Array.isArray(table.include_tags)) out.includeTags = table.include_tags as string[];
  if (Array.isArray(table.exclude_tags)) out.excludeTags = table.exclude_tags as string[];
  if (typeof table.excerpt === 'number' && table.excerpt > 0) out.excerpt = table.excerpt;
  if (Array.isArray(table.plugins)) {
    out.plugins = (table.plugins as string[]).map((path) => {
      const absolute = isAbsolute(path) ? path : resolve(configDir, path);
      if (!existsSync(absolute)) report(`${where} plugins`, `${absolute} does not exist; plugin paths are relative to the config file`);
      return absolute;
    });
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

/** Venus's per-feed entry options a feed table sets; undefined when it sets none. */
export function entryOptions(table: Values, where: string, report: Report): EntryOptions | undefined {
  const out: { -readonly [K in keyof EntryOptions]: EntryOptions[K] } = {};
  if (Array.isArray(table.ignore_in_feed)) {
    const names = (table.ignore_in_feed as string[]).map((name) => name.toLowerCase());
    const unknown = names.filter((name) => !(ignorableEntryFields as readonly string[]).includes(name));
    if (unknown.length > 0) report(`${where} ignore_in_feed`, `unknown field ${unknown.join(', ')}; known: ${ignorableEntryFields.join(', ')}`);
    out.ignoreInFeed = names;
  }
  const base = table.xml_base;
  if (typeof base === 'string') {
    if (base === 'feed_alternate' || base === 'entry_alternate' || /^https?:\/\/[^/]/i.test(base)) out.xmlBase = base;
    else report(`${where} xml_base`, `expected an http(s) URL, "feed_alternate" or "entry_alternate", got "${base}"`);
  }
  for (const [key, field] of [['title_type', 'titleType'], ['summary_type', 'summaryType'], ['content_type', 'contentType']] as const) {
    const value = table[key];
    if (typeof value !== 'string') continue;
    const type = textType(value);
    if (type === undefined) report(`${where} ${key}`, `expected "text" or "html" (or a MIME type such as "text/plain"), got "${value}"`);
    else out[field] = type;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

/** A Venus type name or MIME type as text or HTML (Venus maps text, html and xhtml to MIME types). */
function textType(value: string): 'text' | 'html' | undefined {
  const type = value.trim().toLowerCase();
  if (type === 'text' || type === 'text/plain') return 'text';
  if (['html', 'text/html', 'xhtml', 'application/xhtml+xml'].includes(type)) return 'html';
  return undefined;
}

/** One checked [[reading_lists]] table; a path is made absolute against the config's directory. */
export function readingList(table: Values, configDir: string): ReadingListConfig | undefined {
  if (typeof table.url !== 'string') return undefined;
  const url = /^https?:\/\//i.test(table.url) ? new URL(table.url).href : resolve(configDir, table.url);
  const format = table.format;
  return format === 'opml' || format === 'foaf' || format === 'csv' ? { url, format } : { url };
}
