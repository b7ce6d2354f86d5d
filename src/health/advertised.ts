// The store keeps a failure as {code, message}, so the feeds an HTML page advertised survive
// only in the html-not-feed message the parse stage writes (src/parse/parse-feed.ts, htmlError):
// "parse: URL is a web page, not a feed; it advertises A, B (use one of those URLs instead)".
// The URLs there were resolved with the URL parser, so none contains a space to split on wrongly.
const ADVERTISES = / it advertises (.+?) \(use (?:that URL|one of those URLs) instead\)/;

/** The feed URLs an html-not-feed message names, in page order; none for any other message. */
export function advertisedFeedsOf(message: string): string[] {
  const list = ADVERTISES.exec(message)?.[1];
  return list === undefined ? [] : list.split(', ').filter((url) => /^https?:\/\//.test(url));
}
