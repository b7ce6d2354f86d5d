import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntrySettings, FeedConfig, PlanetConfig, ReadingListConfig, SanitizeSettings, TemplateOptions } from '../model/index.ts';
import { ConfigError } from '../model/index.ts';
import type { FieldSpec, SectionSpec } from './schema.ts';
import { entriesSection, feedSection, fetchSection, planetSection, sanitizeSection, sections } from './schema.ts';
import { healthSection } from './schema.ts';
import { watchSection } from './schema.ts';
import { parseDuration } from './duration.ts';
import { filtersSection, readingListsSection, templateOptionsSection } from './schema.ts';
import { entryOptions, filterSettings, readingList } from './filter-settings.ts';
import { isWritableEncoding, templateSettings } from './template-settings.ts';

/** Where the bundled themes live: `themes/` at the package root. */
export const bundledThemesDir = fileURLToPath(new URL('../../themes/', import.meta.url));

type Table = Record<string, unknown>;
type Value = string | number | boolean | readonly string[] | Readonly<Record<string, string>> | undefined;

/** Collects every problem in a file, so one run reports them all instead of one per edit. */
class Problems {
  readonly list: string[] = [];
  add(where: string, message: string): void {
    this.list.push(`${where}: ${message}`);
  }
}

function isTable(value: unknown): value is Table {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function describe(value: unknown): string {
  if (value instanceof Date) return 'a date';
  if (Array.isArray(value)) return 'an array';
  if (isTable(value)) return 'a table';
  return JSON.stringify(value);
}

/** Suggests the closest known key for a typo, by edit distance. */
function closest(key: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = editDistance(key.toLowerCase(), candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function checkField(spec: FieldSpec, value: unknown, where: string, problems: Problems): Value {
  if (value === undefined) {
    if (spec.required) problems.add(where, `is required (${spec.doc})`);
    return spec.default;
  }
  switch (spec.type) {
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        problems.add(where, `expected a whole number, got ${describe(value)}`);
      } else if (spec.min !== undefined && value < spec.min) {
        problems.add(where, `expected a number of at least ${spec.min}, got ${value}`);
      } else return value;
      return spec.default;
    case 'boolean':
      if (typeof value === 'boolean') return value;
      problems.add(where, `expected true or false, got ${describe(value)}`);
      return spec.default;
    case 'string-list':
      if (Array.isArray(value) && value.every((item) => typeof item === 'string' && item.trim() !== '')) return value as string[];
      problems.add(where, `expected a list of non-empty strings, e.g. ["feeds.example.org"], got ${describe(value)}`);
      return spec.default;
    case 'string-table':
      return checkStringTable(value, where, problems);
    default:
      break;
  }
  if (typeof value !== 'string' || value.trim() === '') {
    problems.add(where, `expected a non-empty string, got ${describe(value)}`);
    return spec.default;
  }
  if (spec.type === 'url' && !isHttpUrl(value)) {
    problems.add(where, `expected an http:// or https:// URL, got ${describe(value)}`);
  }
  if (spec.choices !== undefined && !spec.choices.includes(value)) {
    problems.add(where, `expected one of ${spec.choices.map((c) => `"${c}"`).join(', ')}, got ${describe(value)}`);
    return spec.default;
  }
  if (spec.type === 'email' && !/^[^\s@]+@[^\s@]+$/.test(value)) {
    problems.add(where, `expected an email address, got ${describe(value)}`);
  }
  return value;
}

/** RFC 9110 section 5.1 field names; values must not break the header line. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** A table of header names to string values; values are never echoed, since they may be secrets. */
function checkStringTable(value: unknown, where: string, problems: Problems): Value {
  if (!isTable(value)) {
    problems.add(where, `expected a table of strings, e.g. { "X-Api-Key" = "..." }, got ${describe(value)}`);
    return undefined;
  }
  const out: Record<string, string> = {};
  for (const [name, item] of Object.entries(value)) {
    if (!HEADER_NAME.test(name)) problems.add(`${where}.${name}`, 'is not a valid HTTP header name');
    else if (typeof item !== 'string' || /[\r\n\0]/.test(item)) problems.add(`${where}.${name}`, 'expected a one-line string value');
    else out[name] = item;
  }
  return out;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Checks one table against its section: unknown keys, types, defaults. */
function checkTable(section: SectionSpec, table: Table, where: string, problems: Problems): Record<string, Value> {
  const known = Object.keys(section.fields);
  for (const key of Object.keys(table)) {
    if (!(key in section.fields)) {
      const hint = closest(key, known);
      problems.add(`${where} ${key}`, `unknown key${hint ? ` (did you mean "${hint}"?)` : ''}; known keys: ${known.join(', ')}`);
    }
  }
  const out: Record<string, Value> = {};
  for (const [key, spec] of Object.entries(section.fields)) {
    out[key] = checkField(spec, table[key], `${where} ${key}`, problems);
  }
  return out;
}

function resolveTheme(value: string, configDir: string): string {
  if (/^[a-z0-9-]+$/.test(value)) {
    const bundled = resolve(bundledThemesDir, value);
    if (existsSync(bundled)) return bundled;
  }
  return isAbsolute(value) ? value : resolve(configDir, value);
}

/** The time zone and locale must be ones Intl knows, or every date on the site would be wrong. */
function checkZoneAndLocale(planet: Record<string, Value>, where: string, problems: Problems): void {
  if (typeof planet.timezone === 'string') {
    try {
      new Intl.DateTimeFormat('en', { timeZone: planet.timezone });
    } catch {
      problems.add(`${where} timezone`, `"${planet.timezone}" is not an IANA time zone; use e.g. "UTC" or "Europe/Berlin"`);
    }
  }
  if (typeof planet.locale === 'string') {
    try {
      new Intl.Locale(planet.locale);
    } catch {
      problems.add(`${where} locale`, `"${planet.locale}" is not a BCP 47 language tag; use e.g. "en" or "de-AT"`);
    }
  }
}

/** Basic auth of a feed: username and password come together. */
function feedAuth(feed: Record<string, Value>, where: string, problems: Problems): { username: string; password: string } | undefined {
  const { username, password } = feed;
  if (username === undefined && password === undefined) return undefined;
  if (typeof username !== 'string' || typeof password !== 'string') {
    problems.add(where, 'basic auth needs both username and password');
    return undefined;
  }
  if (username.includes(':')) problems.add(`${where} username`, 'may not contain ":" (RFC 7617)');
  return { username, password };
}

/** Validates a parsed planet.toml; throws one ConfigError listing every problem found. */
export function validateConfig(data: Table, configPath: string): PlanetConfig {
  const problems = new Problems();
  const file = configPath;
  const knownSections = sections.map((s) => s.name);
  for (const key of Object.keys(data)) {
    if (!knownSections.includes(key)) {
      const hint = closest(key, knownSections);
      problems.add(`${file}: [${key}]`, `unknown section${hint ? ` (did you mean [${hint}]?)` : ''}; known sections: ${knownSections.join(', ')}`);
    }
  }

  const tableOf = (name: string): Table => {
    const value = data[name];
    if (value === undefined) return {};
    if (isTable(value)) return value;
    problems.add(`${file}: ${name}`, `expected a [${name}] table, got ${describe(value)}`);
    return {};
  };
  if (data.planet === undefined) problems.add(`${file}: [planet]`, 'section is missing; it needs at least name and link');
  const planet = checkTable(planetSection, tableOf('planet'), `${file}: [planet]`, problems);
  const fetch = checkTable(fetchSection, tableOf('fetch'), `${file}: [fetch]`, problems);
  const entries = checkTable(entriesSection, tableOf('entries'), `${file}: [entries]`, problems);
  const sanitize = checkTable(sanitizeSection, tableOf('sanitize'), `${file}: [sanitize]`, problems);
  const report = (where: string, message: string): void => problems.add(where, message);
  const filters = filterSettings(checkTable(filtersSection, tableOf('filters'), `${file}: [filters]`, problems), `${file}: [filters]`, dirname(configPath), report);
  const readingLists = readingListTables(data.reading_lists, file, problems);
  const health = checkTable(healthSection, tableOf('health'), `${file}: [health]`, problems);
  const watch = checkTable(watchSection, tableOf('watch'), `${file}: [watch]`, problems);
  const watchIntervalMs = typeof watch.interval === 'string' ? parseDuration(watch.interval) : undefined;
  if (watchIntervalMs === undefined && typeof watch.interval === 'string') {
    problems.add(`${file}: [watch] interval`, `expected a duration such as "90s", "30m" or "2h" (at most 24h), got ${describe(watch.interval)}`);
  }
  checkZoneAndLocale(planet, `${file}: [planet]`, problems);
  const templates = templateSettings(planet, `${file}: [planet]`, dirname(configPath), (where, message) => problems.add(where, message));
  const templateOptions = templateOptionTables(data.template_options, templates.templateFiles ?? [], file, dirname(configPath), problems);

  const feeds: FeedConfig[] = [];
  const rawFeeds = data.feeds ?? [];
  if (!Array.isArray(rawFeeds)) {
    problems.add(`${file}: feeds`, 'expected [[feeds]] tables, one per subscription');
  } else {
    const seen = new Map<string, number>();
    rawFeeds.forEach((raw: unknown, i) => {
      const where = `${file}: [[feeds]] #${i + 1}`;
      if (!isTable(raw)) return problems.add(where, `expected a table, got ${describe(raw)}`);
      const feed = checkTable(feedSection, raw, where, problems);
      if (typeof feed.url !== 'string' || !isHttpUrl(feed.url)) return;
      // URLs are printed and stored; a password inside one would be too.
      const parsedUrl = new URL(feed.url);
      if (parsedUrl.username !== '' || parsedUrl.password !== '') {
        return problems.add(`${where} url`, 'has a user name or password in it; remove them and set username and password instead (URLs are logged)');
      }
      const url = new URL(feed.url).href;
      const first = seen.get(url);
      if (first !== undefined) return problems.add(`${where} url`, `${url} is already subscribed as [[feeds]] #${first + 1}; remove one`);
      seen.set(url, i);
      const auth = feedAuth(feed, where, problems);
      feeds.push({
        url,
        name: typeof feed.name === 'string' ? feed.name : new URL(url).hostname,
        ...(feed.headers === undefined ? {} : { headers: feed.headers as Record<string, string> }),
        ...(auth === undefined ? {} : { auth }),
        ...(hasSanitizeKeys(feed) ? { sanitize: sanitizeSettings(feed) } : {}),
        ...(typeof feed.avatar === 'string' ? { avatar: new URL(feed.avatar).href } : {}),
        ...(feed.hidden === true ? { hidden: true } : {}),
        ...(feed.extra === undefined ? {} : { extra: feed.extra as Record<string, string> }),
        ...optional('filters', filterSettings(feed, where, dirname(configPath), report)),
        ...optional('entryOptions', entryOptions(feed, where, report)),
      });
    });
  }

  if (problems.list.length > 0) {
    const count = problems.list.length === 1 ? 'a problem' : `${problems.list.length} problems`;
    throw new ConfigError('config-invalid', `config: ${file} has ${count}:\n  ${problems.list.join('\n  ')}`);
  }

  const configDir = dirname(configPath);
  const str = (v: Value): string => String(v);
  const num = (v: Value): number => Number(v);
  const link = new URL(str(planet.link)).href;
  return deepFreeze({
    configPath,
    planet: {
      name: str(planet.name),
      link: link.endsWith('/') ? link : `${link}/`,
      ownerName: planet.owner_name === undefined ? undefined : str(planet.owner_name),
      ownerEmail: planet.owner_email === undefined ? undefined : str(planet.owner_email),
      description: planet.description === undefined ? undefined : str(planet.description),
      outputDir: resolve(configDir, str(planet.output_dir)),
      // A PostgreSQL URL is a location, not a path to resolve.
      database: /^postgres(ql)?:\/\//i.test(str(planet.database)) ? str(planet.database) : resolve(configDir, str(planet.database)),
      themeDir: resolveTheme(str(planet.theme), configDir),
      itemsPerPage: num(planet.items_per_page),
      daysPerPage: num(planet.days_per_page),
      archiveEntries: num(planet.archive_entries),
      summaryLength: num(planet.summary_length),
      timezone: str(planet.timezone),
      locale: str(planet.locale),
      activityThreshold: num(planet.activity_threshold),
      healthPage: planet.health_page !== false,
      ...templates,
      ...optional('templateOptions', templateOptions.length === 0 ? undefined : templateOptions),
    },
    fetch: {
      concurrency: num(fetch.concurrency),
      ...(fetch.workers !== undefined && { workers: num(fetch.workers) }),
      perHostConnections: num(fetch.per_host_connections),
      timeoutMs: num(fetch.timeout) * 1000,
      maxBytes: num(fetch.max_size),
      userAgent: fetch.user_agent === undefined ? `Planet/0.1 (+${link})` : str(fetch.user_agent),
      allowPrivateNetworks: fetch.allow_private_networks !== false,
      allowHosts: (fetch.allow_hosts as readonly string[] | undefined) ?? [],
      respectFeedTtl: fetch.respect_feed_ttl === true,
      applyPermanentRedirects: fetch.apply_permanent_redirects === true,
    },
    entries: {
      newFeedItems: num(entries.new_feed_items),
      futureDates: str(entries.future_dates) as EntrySettings['futureDates'],
      bumpOnUpdate: entries.bump_on_update === true,
      duplicates: str(entries.duplicates) as EntrySettings['duplicates'],
      keepPerFeed: num(entries.keep_per_feed),
      keepDays: num(entries.keep_days),
    },
    sanitize: {
      allowElements: [],
      denyElements: [],
      allowAttributes: [],
      denyAttributes: [],
      embedVideos: false,
      removeTrackers: true,
      ...sanitizeSettings(sanitize),
    },
    health: {
      hideAfterFailures: num(health.hide_after_failures),
      hideAfterStaleDays: num(health.hide_after_stale_days),
      deadAfterDays: num(health.dead_after_days),
    },
    watch: { intervalMs: watchIntervalMs ?? 0 },
    ...optional('filters', filters),
    ...optional('readingLists', readingLists.length === 0 ? undefined : readingLists),
    feeds,
  });
}

/** `{ [key]: value }`, or nothing when the value is absent, so frozen configs carry no undefined keys. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** The [[reading_lists]] tables, checked; paths are resolved against the config's directory. */
function readingListTables(raw: unknown, file: string, problems: Problems): ReadingListConfig[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.add(`${file}: reading_lists`, 'expected [[reading_lists]] tables, one per list');
    return [];
  }
  return raw.flatMap((table: unknown, i) => {
    const where = `${file}: [[reading_lists]] #${i + 1}`;
    if (!isTable(table)) {
      problems.add(where, `expected a table, got ${describe(table)}`);
      return [];
    }
    return readingList(checkTable(readingListsSection, table, where, problems), dirname(file)) ?? [];
  });
}

/** The [[template_options]] tables, checked: each names one of template_files, at most once. */
function templateOptionTables(raw: unknown, templateFiles: readonly string[], file: string, configDir: string, problems: Problems): TemplateOptions[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.add(`${file}: template_options`, 'expected [[template_options]] tables, one per template');
    return [];
  }
  const seen = new Set<string>();
  return raw.flatMap((table: unknown, i): TemplateOptions[] => {
    const where = `${file}: [[template_options]] #${i + 1}`;
    if (!isTable(table)) {
      problems.add(where, `expected a table, got ${describe(table)}`);
      return [];
    }
    const checked = checkTable(templateOptionsSection, table, where, problems);
    if (typeof checked.file !== 'string') return [];
    const path = resolve(configDir, checked.file);
    if (!templateFiles.includes(path)) {
      const listed = templateFiles.length === 0 ? '[planet] template_files is not set' : `[planet] template_files has ${templateFiles.map((f) => `"${relative(configDir, f)}"`).join(', ')}`;
      problems.add(`${where} file`, `"${checked.file}" is not one of the templates: ${listed}`);
      return [];
    }
    if (!path.endsWith('.tmpl')) {
      problems.add(`${where} file`, `"${checked.file}" is a Nunjucks template; [[template_options]] applies to htmltmpl (*.tmpl) templates, and a Nunjucks one can compute what it needs from the view`);
      return [];
    }
    if (seen.has(path)) {
      problems.add(`${where} file`, `"${checked.file}" already has a [[template_options]] table; merge the two`);
      return [];
    }
    seen.add(path);
    const encoding = typeof checked.encoding === 'string' ? checked.encoding : undefined;
    if (encoding !== undefined && !isWritableEncoding(encoding)) {
      problems.add(`${where} encoding`, `"${encoding}" is not an encoding Planet can write; use e.g. "utf-8", "iso-8859-1" or "windows-1252"`);
    }
    const int = (key: string): number | undefined => (typeof checked[key] === 'number' ? checked[key] : undefined);
    const text = (key: string): string | undefined => (typeof checked[key] === 'string' ? checked[key] : undefined);
    return [{
      file: path,
      ...optional('itemsPerPage', int('items_per_page')),
      ...optional('daysPerPage', int('days_per_page')),
      ...optional('dateFormat', text('date_format')),
      ...optional('newDateFormat', text('new_date_format')),
      ...optional('encoding', encoding),
      ...optional('activityThreshold', int('activity_threshold')),
    }];
  });
}

function hasSanitizeKeys(table: Record<string, unknown>): boolean {
  return Object.keys(sanitizeSection.fields).some((key) => table[key] !== undefined);
}

// planet.toml key -> SanitizeSettings field, for [sanitize] and the same keys in [[feeds]].
const sanitizeKeys = {
  allow_elements: 'allowElements',
  deny_elements: 'denyElements',
  allow_attributes: 'allowAttributes',
  deny_attributes: 'denyAttributes',
  embed_videos: 'embedVideos',
  video_hosts: 'videoHosts',
  remove_trackers: 'removeTrackers',
} as const satisfies Record<string, keyof SanitizeSettings>;

/** The [sanitize] keys a table (the section, or one feed) sets; unset keys stay absent, so a feed inherits them. */
function sanitizeSettings(table: Record<string, unknown>): Partial<SanitizeSettings> {
  const settings: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(sanitizeKeys)) if (table[key] !== undefined) settings[field] = table[key];
  return settings as Partial<SanitizeSettings>;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
