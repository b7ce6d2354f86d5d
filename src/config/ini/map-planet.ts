/** The [Planet] section of a Planet 2.0 / Venus config.ini -> [planet], [fetch], [entries], [filters]. */
import { join, resolve } from 'node:path';
import { decodeHTML } from 'entities';
import type { IniContext } from './context.ts';
import type { IniOption, IniSection } from './read-ini.ts';
import { sectionOptions } from './read-ini.ts';
import { mapFilters } from './map-filters.ts';
import { mapTemplates, templateOptions } from './map-templates.ts';
import { entryOptions, htmlTextOptions, planetOptionMap, unsupportedPlanetOptions } from './planet-options.ts';

/** Entry options [Planet] sets, which Venus applies to every feed that does not set its own. */
export type FeedDefaults = Map<string, { value: string; option: IniOption; section: IniSection }>;

/** Planet 2.0 showed this many entries of a newly added feed (planet/__init__.py NEW_FEED_ITEMS is 10). */
const PLANET2_NEW_FEED_ITEMS = 10;
/** Planet 2.0's new_feed_items = 0 meant no limit; ours counts, so "every entry" is a large count. */
const NO_LIMIT = 1_000_000;

/** Maps [Planet]; returns the entry options it sets for every feed. */
export function mapPlanetSection(ctx: IniContext, section: IniSection, bundledThemes: string): FeedDefaults {
  const feedDefaults: FeedDefaults = new Map();
  const options = sectionOptions(ctx.doc, section);
  mapTemplates(ctx, section, bundledThemes);
  for (const option of options.values()) {
    if (templateOptions.has(option.name)) continue;
    const fromDefault = ctx.sourceOf(section, option) !== section.name;
    const set = (table: string, key: string, value: unknown): void => {
      ctx.table(table)[key] = value;
      ctx.origin(`[${table}] ${key}`, section, option);
    };
    const mapped = planetOptionMap[option.name];
    // Planet read an empty value as unset ("if feed_timeout:", setlocale with ""); the validator
    // would reject an empty string. A whole number cannot be empty: Python's int('') failed too.
    if (option.value.trim() === '' && mapped?.[2] !== 'integer' && !['spider_threads', 'new_feed_items'].includes(option.name)) continue;
    if (mapped !== undefined) {
      const [table, key, kind] = mapped;
      const value = kind === 'integer' ? ctx.integer(section, option) : ctx.value(section, option);
      if (value !== undefined) set(table, key, typeof value === 'string' && htmlTextOptions.has(option.name) ? decodeHTML(value) : value);
      continue;
    }
    // Read on use: Planet never read the options it ignores, so their %(name)s cannot fail here.
    const value = (): string => ctx.value(section, option);
    switch (option.name) {
      case 'output_dir':
        set('planet', 'output_dir', resolve(ctx.configDir, value()));
        continue;
      case 'cache_directory':
        // Planet 2.0 kept one cache file per feed in this directory; our store is one database there.
        set('planet', 'database', join(resolve(ctx.configDir, value()), 'planet.db'));
        continue;
      case 'locale': {
        const tag = bcp47(value());
        if (tag === undefined) ctx.problem(section, option, `"${value()}" names no locale Planet knows; use e.g. en_US.UTF-8 or de_DE`);
        else set('planet', 'locale', tag);
        continue;
      }
      case 'feed_timeout': {
        // Planet 2.0 read it as float seconds; ours is whole seconds, rounded up so no feed gets less.
        const seconds = Number(value());
        if (!Number.isFinite(seconds) || seconds <= 0) ctx.problem(section, option, `expected a number of seconds, got "${value()}"`);
        else set('fetch', 'timeout', Math.ceil(seconds));
        continue;
      }
      case 'spider_threads': {
        const threads = ctx.integer(section, option);
        // Venus's 0 fetched one feed at a time; Planet always fetches concurrently, so 0 keeps our default.
        if (threads !== undefined && threads > 0) set('fetch', 'concurrency', threads);
        continue;
      }
      case 'new_feed_items': {
        const items = ctx.integer(section, option);
        if (items !== undefined) set('entries', 'new_feed_items', items === 0 ? NO_LIMIT : items);
        continue;
      }
      case 'filters':
        mapFilters(ctx, section, option, { table: ctx.table('filters'), where: '[filters]' });
        continue;
      default:
        break;
    }
    if (entryOptions.has(option.name)) {
      feedDefaults.set(option.name, { value: value(), option, section });
      continue;
    }
    const reason = unsupportedPlanetOptions[option.name];
    if (reason !== undefined) {
      ctx.warn(option.name, ctx.sourceOf(section, option), option.name, `not supported: ${reason}; ignored`);
    } else if (!fromDefault) {
      // Options inherited from [DEFAULT] are meant for the feed sections; they are mapped there.
      ctx.warn(`planet ${option.name}`, section.name, option.name,
        'is not an option of Planet 2.0 or Venus that Planet knows; ignored (to pass a value to every feed\'s template, put it in [DEFAULT])');
    }
  }
  // Planet 2.0 and Venus defaults where ours differ, so an unchanged config.ini behaves as it did.
  if (!options.has('activity_threshold')) ctx.table('planet').activity_threshold = 0;
  if (!options.has('new_feed_items')) ctx.table('entries').new_feed_items = PLANET2_NEW_FEED_ITEMS;
  return feedDefaults;
}

/**
 * A Python/POSIX locale name as a BCP 47 tag: "en_US.UTF-8" -> "en-US", "de_DE@euro" -> "de-DE";
 * "C" and "POSIX" are English. Planet 2.0 tried ":"-separated names in turn; the first that
 * converts wins.
 */
export function bcp47(value: string): string | undefined {
  for (const name of value.split(':').map((n) => n.trim()).filter((n) => n !== '')) {
    if (name === 'C' || name === 'POSIX' || name.startsWith('C.')) return 'en';
    const tag = name.replace(/[.@].*$/, '').replace(/_/g, '-');
    try {
      return new Intl.Locale(tag).toString();
    } catch {
      // Not a tag Intl knows: try the next fallback.
    }
  }
  return undefined;
}
