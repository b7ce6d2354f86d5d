// The reading-list stage: subscription lists in OPML, FOAF or CSV -> the feeds they name.
import type { ReadingListFormat } from '../model/index.ts';
import { ReadingListError } from '../model/index.ts';
import { parseCsv } from './csv.ts';
import { parseFoaf } from './foaf.ts';
import type { ListedFeed } from './listed-feed.ts';
import { parseOpml } from './opml.ts';

export type { ListedFeed } from './listed-feed.ts';
export { parseCsv } from './csv.ts';
export { parseFoaf } from './foaf.ts';
export { parseOpml } from './opml.ts';

/** The format of a list: the one configured, else by extension, else by content. */
export function guessFormat(location: string, source: string): ReadingListFormat {
  const path = location.replace(/[?#].*$/, '').toLowerCase();
  if (path.endsWith('.csv')) return 'csv';
  if (path.endsWith('.opml')) return 'opml';
  if (path.endsWith('.rdf') || path.endsWith('.foaf')) return 'foaf';
  const head = source.slice(0, 4096);
  if (/<opml[\s>]/i.test(head)) return 'opml';
  if (/xmlns:foaf=|<rdf:RDF[\s>]/i.test(head)) return 'foaf';
  return head.trimStart().startsWith('<') ? 'opml' : 'csv';
}

/**
 * The feeds a reading list names. Throws ReadingListError (naming the list) when it cannot be
 * read or names no feed at all: an empty list is far more often an error page than an intent,
 * and the caller then keeps the last good copy.
 */
export function parseReadingList(source: string, options: { location: string; format?: ReadingListFormat; base?: string }): { format: ReadingListFormat; feeds: ListedFeed[] } {
  const format = options.format ?? guessFormat(options.location, source);
  let feeds: ListedFeed[];
  try {
    feeds = format === 'opml' ? parseOpml(source, options.base) : format === 'foaf' ? parseFoaf(source, options.base) : parseCsv(source, options.base);
  } catch (error) {
    throw new ReadingListError('reading-list', `reading list ${options.location}: cannot read it as ${format}: ${(error as Error).message}`, { cause: error });
  }
  if (feeds.length === 0) {
    throw new ReadingListError('reading-list', `reading list ${options.location}: no feeds found in it as ${format} (check its format, or set format = "opml" | "foaf" | "csv")`);
  }
  return { format, feeds };
}
