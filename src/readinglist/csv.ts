import type { ListedFeed } from './listed-feed.ts';
import { httpUrl, text } from './listed-feed.ts';

/**
 * The feeds of a CSV reading list (Venus's csv_config): a header row naming the columns, one
 * feed per row after it; the `url` column is required, `name` optional, others are not read.
 * Fields follow RFC 4180 (quotes, doubled quotes, commas and newlines inside quotes).
 * Throws an Error when the header has no url column.
 */
export function parseCsv(source: string, base?: string): ListedFeed[] {
  const [header, ...rows] = csvRows(source.replace(/^\uFEFF/, ''));
  const columns = (header ?? []).map((name) => name.trim().toLowerCase());
  const urlAt = columns.indexOf('url');
  const nameAt = columns.indexOf('name');
  if (urlAt === -1) throw new Error(`the header row names no "url" column (found: ${columns.join(', ') || 'nothing'}); the first row must be e.g. url,name`);
  return rows.flatMap((row) => {
    const url = httpUrl(row[urlAt], base);
    if (url === undefined) return [];
    const name = nameAt === -1 ? undefined : text(row[nameAt]);
    return [{ url, ...(name !== undefined && { name }) }];
  });
}

/** The rows of a CSV text; blank lines are skipped. */
function csvRows(source: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((value) => value.trim() !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  row.push(field);
  if (row.some((value) => value.trim() !== '')) rows.push(row);
  return rows;
}
