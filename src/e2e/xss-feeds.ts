// Turns the XSS vectors into Atom feeds, so that the browser proof sends them through the
// same fetch and parse stages a hostile feed would.

/** One attack or edge-case input from src/sanitize/testdata/xss/vectors.json. */
export interface Vector {
  source: string;
  name: string;
  input: string;
}

/** A feed document with the vectors it carries. */
export interface VectorFeed {
  /** Path the feed is served at, e.g. "/page-03.xml". */
  path: string;
  xml: string;
  vectors: readonly Vector[];
  /** Entries the feed holds; the published page must show each of them. */
  entries: number;
  /** The titles sent as plain text, as a reader should see them (what XML can carry of the vector). */
  textTitles: string[];
}

const xmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

// XML 1.0 forbids these characters even as references, and the parser drops them, so they
// travel as HTML character references instead: the HTML parser turns them back into the same
// characters in text and attribute values, which is as close as any feed can get.
// eslint-disable-next-line no-control-regex -- finding these control characters is the point
const xmlForbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** HTML as Atom `type="html"` text: references for what XML cannot carry, then XML escaping. */
function asAtomHtml(html: string): string {
  const carried = html.replace(xmlForbidden, (c) => `&#${c.charCodeAt(0)};`);
  return carried.replace(/[&<>"]/g, (c) => xmlEscapes[c] ?? c);
}

/** Plain text for a `type="text"` construct: the characters XML can carry, escaped. */
function asAtomText(text: string): string {
  return text.replace(xmlForbidden, '').replace(/[&<>"]/g, (c) => xmlEscapes[c] ?? c);
}

/**
 * Feeds of `perFeed` vectors each. Every vector becomes two entries, one with it as content
 * and one with it as the only summary (the page shows content, else summary); every tenth
 * vector is also an entry's title (as text, and as HTML, which the parser turns into text)
 * and its author's name. Entry dates descend, so the page keeps the feed's order.
 */
export function buildVectorFeeds(vectors: readonly Vector[], perFeed: number, start: Date): VectorFeed[] {
  const feeds: VectorFeed[] = [];
  for (let first = 0; first < vectors.length; first += perFeed) {
    const chunk = vectors.slice(first, first + perFeed);
    const path = `/page-${String(feeds.length + 1).padStart(2, '0')}.xml`;
    const entries: string[] = [];
    const textTitles: string[] = [];
    chunk.forEach((vector, i) => {
      const index = first + i;
      const sample = index % 10 === 0;
      const title = sample ? `<title type="text">${asAtomText(vector.input)}</title>` : `<title>vector ${index}</title>`;
      const titleHtml = sample ? `<title type="html">${asAtomHtml(vector.input)}</title>` : `<title>vector ${index} summary</title>`;
      if (sample) textTitles.push(vector.input.replace(xmlForbidden, '').replace(/\r\n?/g, '\n'));
      const author = sample ? `<author><name>${asAtomText(vector.input)}</name></author>` : '';
      entries.push(
        entry(`${index}-content`, title + author, `<content type="html">${asAtomHtml(vector.input)}</content>`, start, entries.length),
        entry(`${index}-summary`, titleHtml, `<summary type="html">${asAtomHtml(vector.input)}</summary>`, start, entries.length + 1),
      );
    });
    const xml =
      '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n' +
      `<title>XSS vectors ${path}</title><id>urn:planet-xss:${path}</id><updated>${start.toISOString()}</updated>\n` +
      `${entries.join('\n')}\n</feed>\n`;
    feeds.push({ path, xml, vectors: chunk, entries: entries.length, textTitles });
  }
  return feeds;
}

function entry(id: string, title: string, body: string, start: Date, position: number): string {
  const updated = new Date(start.getTime() - position * 60_000).toISOString();
  return `<entry><id>urn:planet-xss:${id}</id>${title}<updated>${updated}</updated>${body}</entry>`;
}
