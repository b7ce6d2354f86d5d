import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeedConfig, PlanetConfig } from '../model/index.ts';
import { ConfigError } from '../model/index.ts';
import type { FieldSpec, SectionSpec } from './schema.ts';
import { feedSection, fetchSection, planetSection, sections } from './schema.ts';

/** Where the bundled themes live: `themes/` at the package root. */
export const bundledThemesDir = fileURLToPath(new URL('../../themes/', import.meta.url));

type Table = Record<string, unknown>;
type Value = string | number | boolean | undefined;

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
  if (spec.type === 'email' && !/^[^\s@]+@[^\s@]+$/.test(value)) {
    problems.add(where, `expected an email address, got ${describe(value)}`);
  }
  return value;
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
      const url = new URL(feed.url).href;
      const first = seen.get(url);
      if (first !== undefined) return problems.add(`${where} url`, `${url} is already subscribed as [[feeds]] #${first + 1}; remove one`);
      seen.set(url, i);
      feeds.push({ url, name: typeof feed.name === 'string' ? feed.name : new URL(url).hostname });
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
      database: resolve(configDir, str(planet.database)),
      themeDir: resolveTheme(str(planet.theme), configDir),
      itemsPerPage: num(planet.items_per_page),
    },
    fetch: {
      concurrency: num(fetch.concurrency),
      perHostConnections: num(fetch.per_host_connections),
      timeoutMs: num(fetch.timeout) * 1000,
      maxBytes: num(fetch.max_size),
      userAgent: fetch.user_agent === undefined ? `Planet/0.1 (+${link})` : str(fetch.user_agent),
    },
    feeds,
  });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
