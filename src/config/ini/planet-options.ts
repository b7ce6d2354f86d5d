/**
 * The options of Planet 2.0 (planet.py and planet/__init__.py of python/planet) and Planet Venus
 * (planet/config.py, docs/config.html, docs/normalization.html, docs/filters.html of rubys/venus),
 * as data: which native key each one becomes, and what we say about the ones we do not act on.
 */

/** [Planet] options that map one-to-one onto a native key: INI name -> [table, key, kind]. */
export const planetOptionMap: Record<string, readonly [table: string, key: string, kind: 'string' | 'integer' | 'list']> = {
  name: ['planet', 'name', 'string'],
  link: ['planet', 'link', 'string'],
  owner_name: ['planet', 'owner_name', 'string'],
  owner_email: ['planet', 'owner_email', 'string'],
  items_per_page: ['planet', 'items_per_page', 'integer'],
  days_per_page: ['planet', 'days_per_page', 'integer'],
  activity_threshold: ['planet', 'activity_threshold', 'integer'],
  date_format: ['planet', 'date_format', 'string'],
  new_date_format: ['planet', 'new_date_format', 'string'],
  encoding: ['planet', 'encoding', 'string'],
  future_dates: ['entries', 'future_dates', 'string'],
  cache_keep_entries: ['entries', 'keep_per_feed', 'integer'],
  filter: ['filters', 'filter', 'string'],
  exclude: ['filters', 'exclude', 'string'],
};

/**
 * [Planet] options with their own conversion in map-planet.ts and map-templates.ts (paths, units, lists, filters).
 * template_directories is where template_files and bill_of_materials are looked for.
 */
export const planetSpecialOptions: ReadonlySet<string> = new Set([
  'output_dir', 'cache_directory', 'template_files', 'template_directories', 'bill_of_materials',
  'locale', 'feed_timeout', 'spider_threads', 'new_feed_items', 'filters', 'output_theme',
]);

/**
 * Text options Planet 2.0 printed into its pages as HTML, unescaped (generate_all_files set name and
 * owner_name; a feed section's name became channel_name), so a config.ini's `Ga&#235;l` read as
 * "Gaël": mapped with their character references decoded, as our names are text escaped on output.
 */
export const htmlTextOptions: ReadonlySet<string> = new Set(['name', 'owner_name']);

/** Venus's entry options: per feed, and in [Planet] a default for every feed (Venus define_tmpl). */
export const entryOptions: ReadonlySet<string> = new Set(['ignore_in_feed', 'xml_base', 'title_type', 'summary_type', 'content_type']);

/** Planet Python's per-template date formats are read raw: Planet 2.0 calls config.get(..., raw=True). */
export const rawOptions: ReadonlySet<string> = new Set(['date_format', 'new_date_format', 'log_format']);

const logging = 'Planet prints one line per feed, failures on stderr; pass -q to print only failures and the summary';
const caches = 'Planet keeps feeds, entries and reading lists in its database (database = <cache_directory>/planet.db)';
const hub = 'Planet does not ping a PubSubHubbub/WebSub hub; the feeds are still published';

/** [Planet] options we read but do not act on: what happens instead. */
export const unsupportedPlanetOptions: Readonly<Record<string, string>> = {
  log_level: logging,
  log_format: logging,
  generator: 'the pages and feeds name Planet as their generator',
  generator_uri: 'the pages and feeds name Planet as their generator',
  feed: 'the pages link the feeds Planet writes itself',
  feedtype: 'the pages link the feeds Planet writes itself',
  cache_sources_directory: caches,
  cache_lists_directory: caches,
  http_cache_directory: caches,
  pubsubhubbub_hub: hub,
  pubsubhubbub_feeds: hub,
  django_autoescape: 'Planet renders htmltmpl (.tmpl) and Nunjucks (.njk) templates, not Django ones',
  name_type: 'author names are read as each feed marks them up',
  filter_directories:
    'Planet does not run Venus filter programs (see the warning on filters), so it does not search for them; list TypeScript plugins by path in [filters] plugins',
};

/** Options that act on the whole planet: in a feed section they are only passed to templates. */
export const planetWideOptions: ReadonlySet<string> = new Set([
  ...Object.keys(planetOptionMap).filter((o) => !['name', 'filter', 'exclude'].includes(o)),
  ...planetSpecialOptions,
  ...Object.keys(unsupportedPlanetOptions),
].filter((o) => o !== 'filters'));

/** Why Venus filter programs do not run, and what to use instead. */
export const filterProgramAdvice =
  'Planet does not run Venus filter programs (Python, XSLT, sed or other commands fed every entry on stdin): ' +
  'they run arbitrary code with each post and need Python 2 and its libraries; the entries pass unfiltered. ' +
  'For a regex use filter/exclude, for categories include_tags/exclude_tags, and for anything else write a ' +
  'TypeScript module exporting filterEntry(entry, ctx) and list it in [filters] plugins';
