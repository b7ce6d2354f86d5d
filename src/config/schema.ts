/**
 * The keys planet.toml accepts, as data: each key's type, default and one line of
 * documentation. The validator, `planet init` and the README's reference read this
 * one table, so a key cannot be documented in one place and accepted in another.
 */

/** The kinds of value a key can hold. */
export type FieldType = 'string' | 'url' | 'email' | 'path' | 'integer' | 'boolean' | 'string-list' | 'string-table';

/** One key of a section. */
export interface FieldSpec {
  type: FieldType;
  required?: boolean;
  default?: string | number | boolean;
  /** Smallest value for integers. */
  min?: number;
  /** The only values a string may take. */
  choices?: readonly string[];
  doc: string;
}

/** A section: `[planet]` and `[fetch]` are tables, `[[feeds]]` an array of tables. */
export interface SectionSpec {
  name: string;
  array: boolean;
  doc: string;
  fields: Record<string, FieldSpec>;
}

export const planetSection: SectionSpec = {
  name: 'planet',
  array: false,
  doc: 'The planet itself.',
  fields: {
    name: { type: 'string', required: true, doc: 'Title of the planet, shown on every page and feed.' },
    link: { type: 'url', required: true, doc: 'Public URL the site is published at; links in the output feeds start here.' },
    owner_name: { type: 'string', doc: 'Who runs the planet.' },
    owner_email: { type: 'email', doc: 'How to reach the owner.' },
    description: { type: 'string', doc: 'One sentence about the planet, for the page and the feeds.' },
    output_dir: { type: 'path', default: 'output', doc: 'Where the site is published, relative to this file.' },
    database: {
      type: 'path',
      default: 'planet.db',
      doc: 'SQLite file that keeps feeds and entries, relative to this file; or a postgres:// URL of a PostgreSQL database.',
    },
    theme: {
      type: 'path',
      default: 'default',
      doc: 'A theme directory relative to this file, or the name of a bundled theme ("default").',
    },
    items_per_page: { type: 'integer', default: 60, min: 1, doc: 'Entries on the front page and in the output feeds.' },
    days_per_page: { type: 'integer', default: 0, min: 0, doc: 'Most days of entries on one page (front and archive pages); 0 means no limit.' },
    archive_entries: { type: 'integer', default: 1000, min: 1, doc: 'Newest entries kept in the archive, month and per-feed pages.' },
    summary_length: { type: 'integer', default: 500, min: 1, doc: 'Characters of text in each excerpt of summary.html (cut at a word, markup kept valid).' },
    timezone: { type: 'string', default: 'UTC', doc: 'IANA time zone the pages show dates in and group days by, e.g. "Europe/Berlin".' },
    locale: {
      type: 'string',
      default: 'en',
      doc: 'BCP 47 language tag for dates, the pages\' lang and the theme\'s own words (the bundled themes speak English, German, French and Spanish), e.g. "de" or "en-GB".',
    },
    activity_threshold: {
      type: 'integer',
      default: 180,
      min: 0,
      doc: 'Days without a new entry after which `planet health` calls a feed stale; 0 turns it off.',
    },
    health_page: {
      type: 'boolean',
      default: true,
      doc: 'Publish health.html (each feed\'s status, last success, last new entry, last error and its last runs) and link it from the sidebar.',
    },
    template_files: {
      type: 'string-list',
      doc: 'Templates rendered into output_dir in place of the theme\'s pages (its assets are still copied), relative to this file: *.tmpl is htmltmpl as in Planet 2.0, *.njk Nunjucks; "index.html.tmpl" writes index.html.',
    },
    date_format: { type: 'string', default: '%B %d, %Y %I:%M %p', doc: 'strftime format of the `date` variables of htmltmpl templates, in the planet\'s timezone and locale.' },
    new_date_format: { type: 'string', default: '%B %d, %Y', doc: 'strftime format of the `new_date` variable of htmltmpl templates (set on the first entry of each day).' },
    encoding: {
      type: 'string',
      default: 'utf-8',
      doc: 'Character encoding htmltmpl pages are written in, e.g. "iso-8859-1"; characters it lacks become character references. "xml", "html" or "sgml": ASCII with references.',
    },
    bill_of_materials: { type: 'string-list', doc: 'Files copied from the directories of template_files into output_dir, keeping their relative path, e.g. ["planet.css", "images/logo.png"].' },
  },
};

export const fetchSection: SectionSpec = {
  name: 'fetch',
  array: false,
  doc: 'How feeds are fetched.',
  fields: {
    concurrency: { type: 'integer', default: 16, min: 1, doc: 'Feeds fetched at the same time.' },
    workers: {
      type: 'integer',
      default: 0,
      min: 0,
      doc: 'Worker threads that parse and sanitize fetched feeds while the main thread fetches and stores; 0 does it all on the main thread. Off by default: on 2 cores a worker costs more than it saves (docs/benchmarks.md); worth trying on bigger machines.',
    },
    per_host_connections: { type: 'integer', default: 2, min: 1, doc: 'Connections open to one host at once.' },
    timeout: { type: 'integer', default: 30, min: 1, doc: 'Seconds one feed may take, redirects and body included.' },
    max_size: { type: 'integer', default: 10 * 1024 * 1024, min: 1024, doc: 'Largest feed accepted, in bytes (after decompression).' },
    user_agent: { type: 'string', doc: 'User-Agent header; by default names Planet and the planet\'s link.' },
    allow_private_networks: {
      type: 'boolean',
      default: true,
      doc: 'false refuses to connect to loopback, private, link-local and cloud-metadata addresses (set it when feed URLs come from people you do not trust).',
    },
    allow_hosts: { type: 'string-list', doc: 'Host names or IP addresses still allowed when allow_private_networks is false, e.g. ["intranet.example.org"].' },
    respect_feed_ttl: {
      type: 'boolean',
      default: false,
      doc: 'Wait at least what a feed asks (Cache-Control max-age, RSS <ttl>, sy:updatePeriod; at most 24 h) before fetching it again.',
    },
    apply_permanent_redirects: {
      type: 'boolean',
      default: false,
      doc: 'Fetch a feed from where a 301/308 redirect moved it; by default the move is only reported, for you to edit this file.',
    },
  },
};

const sanitizeFields: Record<string, FieldSpec> = {
  allow_elements: {
    type: 'string-list',
    doc: 'Extra elements kept in entry HTML, from: address, bdi, bdo, big, center, data, dfn, font, hgroup, search, strike, tt, wbr.',
  },
  deny_elements: { type: 'string-list', doc: 'Elements of the default allowlist to unwrap (their text stays), e.g. ["img"].' },
  allow_attributes: {
    type: 'string-list',
    doc: 'Extra attributes kept on every kept element, from: abbr, align, class, dir, headers, id, lang, open, reversed, scope, title, translate, type, valign, value.',
  },
  deny_attributes: { type: 'string-list', doc: 'Attributes removed everywhere, e.g. ["title"].' },
  embed_videos: {
    type: 'boolean',
    doc: 'Keep https `<iframe>`s from video_hosts, sandboxed (off by default; the theme\'s CSP must allow those hosts in frame-src).',
  },
  video_hosts: {
    type: 'string-list',
    doc: 'Hosts embed_videos keeps, e.g. a PeerTube instance; by default www.youtube.com, www.youtube-nocookie.com, player.vimeo.com.',
  },
  remove_trackers: { type: 'boolean', doc: 'Remove 1x1 pixels and known feed trackers (FeedBurner, WordPress stats...); on by default.' },
};

const filterFields: Record<string, FieldSpec> = {
  filter: { type: 'string', doc: 'Regular expression: keep only entries whose title or content text matches (case-insensitive; Python syntax such as (?P<name>...) is accepted).' },
  exclude: { type: 'string', doc: 'Regular expression: drop entries whose title or content text matches (case-insensitive).' },
  include_tags: { type: 'string-list', doc: 'Keep only entries with one of these categories (term or label, case-insensitive); an entry without categories is dropped.' },
  exclude_tags: { type: 'string-list', doc: 'Drop entries with one of these categories (term or label, case-insensitive).' },
  excerpt: {
    type: 'integer',
    min: 0,
    doc: 'Store an excerpt of this many characters of text (cut after a whole word, markup kept valid, as Venus excerpt.py) as each entry\'s summary; the content is kept whole. 0 is off.',
  },
  plugins: {
    type: 'string-list',
    doc: 'TypeScript or JavaScript modules, relative to this file, each exporting filterEntry(entry, ctx) that returns the entry (possibly changed), or null to drop it.',
  },
};

/** Venus's per-feed options for reading a feed's entries. */
const entryOptionFields: Record<string, FieldSpec> = {
  ignore_in_feed: { type: 'string-list', doc: 'Entry fields not to trust, dropped before storing, e.g. ["updated", "author"] (a feed that re-dates every post).' },
  xml_base: { type: 'string', doc: 'Base URL relative links in this feed\'s entries resolve against: a URL, "feed_alternate" (the feed\'s site) or "entry_alternate" (each entry\'s link).' },
  title_type: { type: 'string', doc: 'Read entry titles as plain text or as HTML ("text" or "html"; Venus MIME types such as "text/plain" are accepted), whatever the feed declares.' },
  summary_type: { type: 'string', doc: 'Read entry summaries as plain text or as HTML ("text" or "html"; Venus MIME types such as "text/plain" are accepted), whatever the feed declares.' },
  content_type: { type: 'string', doc: 'Read entry content as plain text or as HTML ("text" or "html"; Venus MIME types such as "text/plain" are accepted), whatever the feed declares.' },
};

export const feedSection: SectionSpec = {
  name: 'feeds',
  array: true,
  doc: 'One `[[feeds]]` table per subscription.',
  fields: {
    url: { type: 'url', required: true, doc: 'The feed\'s URL (RSS or Atom).' },
    name: { type: 'string', doc: 'Name shown as the entry\'s source; defaults to the feed\'s host name.' },
    headers: { type: 'string-table', doc: 'Extra request headers for this feed, e.g. { "X-Api-Key" = "..." }; sent only to the feed\'s own origin, never logged.' },
    username: { type: 'string', doc: 'HTTP basic auth user name for this feed (with password); sent only to the feed\'s own origin.' },
    password: { type: 'string', doc: 'HTTP basic auth password for this feed; never logged or stored.' },
    avatar: { type: 'url', doc: 'Image (http or https URL) shown beside this feed\'s entries, e.g. the author\'s face; fetched, checked (PNG, JPEG, GIF, WebP or ICO, at most 200 KB) and published with the site. Without it: the feed\'s own icon, its site\'s icon, else its initials.' },
    hidden: {
      type: 'boolean',
      doc: 'Fetch and list the feed (blogroll, OPML, FOAF) but show none of its entries: not in the river, pages, archives or output feeds (Planet 2.0\'s hidden).',
    },
    extra: {
      type: 'string-table',
      doc: 'Any other values for templates, e.g. { face = "alice.png" }: htmltmpl reads them as channel_<key>, Nunjucks as feed.extra.<key>.',
    },
    // The [sanitize] keys, for this feed alone.
    ...sanitizeFields,
    // The [filters] keys for this feed alone (applied after the planet's), and Venus's entry options.
    ...filterFields,
    ...entryOptionFields,
  },
};

export const entriesSection: SectionSpec = {
  name: 'entries',
  array: false,
  doc: 'How entries are placed in the river, deduplicated and kept.',
  fields: {
    new_feed_items: {
      type: 'integer',
      default: 2,
      min: 0,
      doc: 'Entries a feed added to a running planet publishes from its back catalogue; the rest are stored but hidden.',
    },
    future_dates: {
      type: 'string',
      default: 'ignore_date',
      choices: ['keep', 'ignore_date', 'ignore_entry'],
      doc: 'An entry dated in the future: "ignore_date" places it at the time it was first seen, "keep" at its date, "ignore_entry" skips it until then.',
    },
    bump_on_update: {
      type: 'boolean',
      default: false,
      doc: 'Move an entry to the top of the river when its content really changes (by default it keeps its place).',
    },
    duplicates: {
      type: 'string',
      default: 'first-seen',
      choices: ['first-seen', 'config-order'],
      doc: 'A post found in several feeds (same id or link) is shown once, under the feed that had it first, or under the one listed first in this file.',
    },
    keep_per_feed: { type: 'integer', default: 50, min: 1, doc: 'Retention: entries kept per feed whatever their age.' },
    keep_days: {
      type: 'integer',
      default: 0,
      min: 0,
      doc: 'Retention: older entries beyond keep_per_feed that their feed no longer lists are expunged after this many days; 0 keeps everything.',
    },
  },
};

/** `[sanitize]`: changes to the sanitizer's allowlist for every feed. */
export const sanitizeSection: SectionSpec = {
  name: 'sanitize',
  array: false,
  doc: 'How entry HTML is sanitized. A `[[feeds]]` table takes the same keys for one feed: its lists add to these, its flags replace them.',
  fields: sanitizeFields,
};

/** `[health]`: the health policy (hiding failing or stale feeds) and when a failing feed is dead. */
export const healthSection: SectionSpec = {
  name: 'health',
  array: false,
  doc: 'When a feed is hidden from the site, and when `planet health` suggests removing it. A hidden feed is shown again as soon as it recovers.',
  fields: {
    hide_after_failures: {
      type: 'integer',
      default: 0,
      min: 0,
      doc: 'Leave a feed out of the river and the subscription list after this many consecutive failed fetches; 0 never hides.',
    },
    hide_after_stale_days: {
      type: 'integer',
      default: 0,
      min: 0,
      doc: 'Leave a feed out of the river and the subscription list while its newest entry is older than this many days; 0 never hides.',
    },
    dead_after_days: {
      type: 'integer',
      default: 90,
      min: 1,
      doc: 'A feed failing for this many days gets a "remove" suggestion from `planet health`.',
    },
  },
};

/** `[watch]`: how `planet watch` runs. */
export const watchSection: SectionSpec = {
  name: 'watch',
  array: false,
  doc: 'How `planet watch` runs update and build as a daemon. It re-reads this file before each run.',
  fields: {
    interval: {
      type: 'string',
      default: '30m',
      doc: 'Time from the start of one run to the start of the next: a whole number and s, m or h, e.g. "90s", "30m", "2h" (at most 24h); `--interval` overrides it.',
    },
  },
};

/** `[filters]`: which entries reach the river, for every feed. */
export const filtersSection: SectionSpec = {
  name: 'filters',
  array: false,
  doc: 'Which entries reach the river. A `[[feeds]]` table takes the same keys for one feed; both apply (an entry must pass the planet\'s filters and the feed\'s). Dropped entries are never stored; `planet run` reports them per feed with the reason. Entries stored before a filter was set are hidden from the site, not deleted (docs/filters.md).',
  fields: filterFields,
};

/** `[[reading_lists]]`: subscriptions kept in OPML, FOAF or CSV files. */
export const readingListsSection: SectionSpec = {
  name: 'reading_lists',
  array: true,
  doc: 'Subscription lists kept elsewhere; their feeds join `[[feeds]]` (a feed listed in both keeps its `[[feeds]]` settings). Fetched with conditional GET on each update; a list that cannot be read keeps its last good copy.',
  fields: {
    url: { type: 'string', required: true, doc: 'An http(s) URL, or a path relative to this file.' },
    format: { type: 'string', choices: ['opml', 'foaf', 'csv'], doc: 'The list\'s format; by default guessed from the extension, then the content. CSV has a header row naming the url and name columns.' },
  },
};

/** `[[template_options]]`: one of template_files rendered with settings of its own. */
export const templateOptionsSection: SectionSpec = {
  name: 'template_options',
  array: true,
  doc: 'Settings for one of `[planet] template_files` that differ from the planet\'s, as a Planet 2.0 config.ini\'s section named after a template gave them (e.g. a longer rss20.xml than index.html). A key left out takes the `[planet]` value.',
  fields: {
    file: { type: 'path', required: true, doc: 'The template, as written in template_files.' },
    items_per_page: { type: 'integer', min: 1, doc: 'Entries the template\'s `Items` (or the Nunjucks front page) holds.' },
    days_per_page: { type: 'integer', min: 0, doc: 'Most days of entries in it; 0 means no limit.' },
    date_format: { type: 'string', doc: 'strftime format of its `date` variables.' },
    new_date_format: { type: 'string', doc: 'strftime format of its `new_date` variable.' },
    encoding: { type: 'string', doc: 'Character encoding it is written in.' },
    activity_threshold: { type: 'integer', min: 0, doc: 'Days without an entry after which a channel\'s `message` says so; 0 turns it off.' },
  },
};

export const sections: readonly SectionSpec[] = [
  planetSection, fetchSection, entriesSection, sanitizeSection, feedSection, healthSection, watchSection, filtersSection, readingListsSection, templateOptionsSection,
];
