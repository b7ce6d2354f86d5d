import { Parser } from 'htmlparser2';

/** What a document looks like from its first bytes. `json` is recognised but not parsed yet. */
export type DetectedFormat = 'rss' | 'rdf' | 'atom' | 'json' | 'html' | 'unknown';

/** The result of sniffing: the format and the root element's name as written. */
export interface FormatSniff {
  format: DetectedFormat;
  rootName?: string;
}

const ROOTS: ReadonlyMap<string, DetectedFormat> = new Map([
  ['rss', 'rss'],
  ['rdf', 'rdf'],
  ['feed', 'atom'],
  // An Atom Entry Document (RFC 4287 section 2) is read as a feed of one entry.
  ['entry', 'atom'],
  // Microsoft's CDF (https://www.w3.org/TR/NOTE-CDFsubmit.html) has RSS's shape; read as RSS.
  ['channel', 'rss'],
  ['html', 'html'],
]);

/**
 * Sniffs a decoded document's format from its root element (or a leading `{` for JSON),
 * never from Content-Type. Tokenizes only up to the first start tag.
 */
export function detectFormat(text: string): FormatSniff {
  const start = text.search(/\S/);
  if (start === -1) return { format: 'unknown' };
  if (text.charCodeAt(start) === 123 /* { */) return { format: 'json' };
  let rootName: string | undefined;
  let htmlDoctype = false;
  const parser = new Parser(
    {
      onopentag(name) {
        rootName = name;
        parser.pause();
      },
      onprocessinginstruction(name, data) {
        // <!DOCTYPE html> and the XHTML doctypes ("html PUBLIC ...") alike.
        if (name.toLowerCase() === '!doctype' && /^!doctype\s+html\b/i.test(data)) htmlDoctype = true;
      },
    },
    { xmlMode: true, decodeEntities: false },
  );
  parser.write(text);
  if (htmlDoctype) return rootName === undefined ? { format: 'html' } : { format: 'html', rootName };
  if (rootName === undefined) return { format: 'unknown' };
  const local = rootName.slice(rootName.indexOf(':') + 1).toLowerCase();
  return { format: ROOTS.get(local) ?? 'unknown', rootName };
}
