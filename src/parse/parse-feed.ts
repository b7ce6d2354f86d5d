import { ParseError, type ParsedFeed } from '../model/index.ts';
import { adaptAtom } from './atom/adapt.ts';
import { parseAtom } from './atom/parse.ts';
import { decodeBody } from './decode.ts';
import { detectFormat } from './detect.ts';
import { advertisedFeeds } from './html-links.ts';
import { parseRdf } from './rdf/parse.ts';
import { adaptRss } from './rss/adapt.ts';
import { parseRss } from './rss/parse.ts';
import { resolveUrl } from './urls.ts';
import { type ParseContext, Warnings } from './warnings.ts';
import { parseXml } from './xml/build.ts';

/** Where a document came from: its URL (the base for relative links) and the Content-Type it was served with. */
export interface ParseOptions {
  url: string;
  contentType?: string;
}

/** Parses an RSS (0.9x, 1.0, 2.0) or Atom (0.3, 1.0) document; recoverable trouble becomes warnings. */
export function parseFeed(body: Uint8Array | string, options: ParseOptions): ParsedFeed {
  const { url } = options;
  if (body.length === 0) throw emptyError(url);
  const decoded = decodeBody(body, options.contentType);
  const sniff = detectFormat(decoded.text);
  if (sniff.format === 'html') {
    throw htmlError(url, advertisedFeeds(decoded.text, resolveUrl(url, undefined)));
  }
  if (sniff.format === 'json') {
    throw new ParseError('not-a-feed', `parse: ${url} is JSON (a JSON Feed?), which Planet cannot read yet; subscribe to its RSS or Atom feed instead`);
  }
  if (sniff.format === 'unknown') {
    if (!/\S/.test(decoded.text)) throw emptyError(url);
    const root = sniff.rootName === undefined ? 'no XML element at all' : `root element <${sniff.rootName}>`;
    throw new ParseError('not-a-feed', `parse: ${url} is not an RSS or Atom feed (${root}); check the feed URL`);
  }

  const document = parseXml(decoded.text);
  const root = document.root;
  if (!root) throw new ParseError('not-a-feed', `parse: ${url} has no XML element at all; check the feed URL`);
  const warnings = new Warnings();
  for (const warning of decoded.warnings) warnings.add(warning);
  for (const warning of document.warnings) warnings.add(warning);
  const context: ParseContext = { documentUrl: resolveUrl(url, undefined), warnings };

  const feed =
    sniff.format === 'atom'
      ? adaptAtom(parseAtom(root, context.documentUrl), context)
      : adaptRss(sniff.format === 'rdf' ? parseRdf(root, context.documentUrl) : parseRss(root, context.documentUrl), context);
  feed.warnings = warnings.list();
  return feed;
}

function emptyError(url: string): ParseError {
  return new ParseError('empty', `parse: ${url} returned an empty document; check the feed URL or try again later`);
}

function htmlError(url: string, feeds: string[]): ParseError {
  if (feeds.length === 0) {
    return new ParseError('html-not-feed', `parse: ${url} is a web page, not a feed, and it advertises no feed; find the site's feed URL`);
  }
  const advice = feeds.length === 1 ? '(use that URL instead)' : '(use one of those URLs instead)';
  return new ParseError('html-not-feed', `parse: ${url} is a web page, not a feed; it advertises ${feeds.join(', ')} ${advice}`);
}
