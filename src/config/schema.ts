/**
 * The keys planet.toml accepts, as data: each key's type, default and one line of
 * documentation. The validator, `planet init` and the README's reference read this
 * one table, so a key cannot be documented in one place and accepted in another.
 */

/** The kinds of value a key can hold. */
export type FieldType = 'string' | 'url' | 'email' | 'path' | 'integer' | 'boolean';

/** One key of a section. */
export interface FieldSpec {
  type: FieldType;
  required?: boolean;
  default?: string | number | boolean;
  /** Smallest value for integers. */
  min?: number;
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
    database: { type: 'path', default: 'planet.db', doc: 'SQLite file that keeps feeds and entries, relative to this file.' },
    theme: {
      type: 'path',
      default: 'default',
      doc: 'A theme directory relative to this file, or the name of a bundled theme ("default").',
    },
    items_per_page: { type: 'integer', default: 60, min: 1, doc: 'Entries on the front page and in the output feeds.' },
  },
};

export const fetchSection: SectionSpec = {
  name: 'fetch',
  array: false,
  doc: 'How feeds are fetched.',
  fields: {
    concurrency: { type: 'integer', default: 16, min: 1, doc: 'Feeds fetched at the same time.' },
    per_host_connections: { type: 'integer', default: 2, min: 1, doc: 'Connections open to one host at once.' },
    timeout: { type: 'integer', default: 30, min: 1, doc: 'Seconds one feed may take, redirects and body included.' },
    max_size: { type: 'integer', default: 10 * 1024 * 1024, min: 1024, doc: 'Largest feed accepted, in bytes (after decompression).' },
    user_agent: { type: 'string', doc: 'User-Agent header; by default names Planet and the planet\'s link.' },
  },
};

export const feedSection: SectionSpec = {
  name: 'feeds',
  array: true,
  doc: 'One `[[feeds]]` table per subscription.',
  fields: {
    url: { type: 'url', required: true, doc: 'The feed\'s URL (RSS or Atom).' },
    name: { type: 'string', doc: 'Name shown as the entry\'s source; defaults to the feed\'s host name.' },
  },
};

export const sections: readonly SectionSpec[] = [planetSection, fetchSection, feedSection];
