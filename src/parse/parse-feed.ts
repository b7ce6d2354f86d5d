import { ParseError, type ParsedFeed } from '../model/index.ts';
import { adaptAtom } from './atom/adapt.ts';
import { parseAtom } from './atom/parse.ts';
import { decodeBody, type DecodedBody } from './decode.ts';
import { detectFormat } from './detect.ts';
import { adaptJsonFeed } from './jsonfeed/adapt.ts';
import { parseJsonFeed } from './jsonfeed/parse.ts';
import { discoverFeeds } from './discover.ts';
import { parseRdf } from './rdf/parse.ts';
import { adaptRss } from './rss/adapt.ts';
import { parseRss } from './rss/parse.ts';
import { safeAbsoluteUrl } from './feedparser-shape/uri.ts';
import { resolveUrl } from './urls.ts';
import { versionOf } from './version.ts';
import { type ParseContext, Warnings } from './warnings.ts';
import { parseXml } from './xml/build.ts';
import type { XmlDocument, XmlElement } from './xml/tree.ts';

/** Where a document came from: its URL (the base for relative links) and the Content-Type it was served with. */
export interface ParseOptions {
  url: string;
  contentType?: string;
  /** Content-Location response header: the document's base URL when present. */
  contentLocation?: string;
  /** Content-Language response header: the language of text with no xml:lang. */
  contentLanguage?: string;
}

/** Parses an RSS (0.9x, 1.0, 2.0) or Atom (0.3, 1.0) document; recoverable trouble becomes warnings. */
export function parseFeed(body: Uint8Array | string, options: ParseOptions): ParsedFeed {
  const { url } = options;
  if (body.length === 0) throw emptyError(url);
  const decoded = decodeBody(body, options.contentType);
  const sniff = detectFormat(decoded.text);
  const embedded = sniff.format === 'html' || sniff.format === 'unknown' ? embeddedFeed(decoded.text) : undefined;
  if (embedded) return readTree(embedded.document, embedded.root, embedded.format, decoded, options);
  if (sniff.format === 'html') {
    throw htmlError(url, discoverFeeds(decoded.text, resolveUrl(url, undefined) ?? url).map((feed) => feed.url));
  }
  if (sniff.format === 'json') return readJson(decoded, options);
  if (sniff.format === 'unknown') {
    if (!/\S/.test(decoded.text)) throw emptyError(url);
    const root = sniff.rootName === undefined ? 'no XML element at all' : `root element <${sniff.rootName}>`;
    throw new ParseError('not-a-feed', `parse: ${url} is not an RSS or Atom feed (${root}); check the feed URL`);
  }

  const document = parseXml(decoded.text);
  const root = document.root;
  if (!root) throw new ParseError('not-a-feed', `parse: ${url} has no XML element at all; check the feed URL`);
  return readTree(document, root, sniff.format, decoded, options);
}

const FEED_ROOTS: ReadonlyMap<string, 'rss' | 'rdf' | 'atom'> = new Map([['rss', 'rss'], ['rdf', 'rdf'], ['feed', 'atom'], ['channel', 'rss']]);

/** A feed element inside another document (a feed pasted into an HTML page, as some servers wrap it). */
function embeddedFeed(text: string): { document: XmlDocument; root: XmlElement; format: 'rss' | 'rdf' | 'atom' } | undefined {
  if (!/<(?:rss|feed|rdf:rdf|channel)[\s>]/i.test(text)) return undefined;
  const document = parseXml(text);
  const pending: XmlElement[] = document.root ? [document.root] : [];
  for (let element = pending.shift(); element; element = pending.shift()) {
    const format = FEED_ROOTS.get(element.local);
    if (format) return { document, root: element, format };
    for (const child of element.children) if (child.kind === 'element') pending.push(child);
  }
  return undefined;
}

function readTree(document: XmlDocument, root: XmlElement, format: string, decoded: DecodedBody, options: ParseOptions): ParsedFeed {
  const { url } = options;
  const warnings = new Warnings();
  if (root !== document.root) warnings.add(`the feed is wrapped in a <${document.root?.name ?? '?'}> document; read the <${root.name}> inside it`);
  for (const warning of decoded.warnings) warnings.add(warning);
  for (const warning of document.warnings) warnings.add(warning);
  const context: ParseContext = { documentUrl: resolveUrl(url, undefined), documentBase: documentBaseOf(options), warnings };
  const language = options.contentLanguage?.split(',')[0]?.trim();
  if (language) context.language = language;

  const feed =
    format === 'atom'
      ? adaptAtom(parseAtom(root, context.documentUrl), context)
      : adaptRss(format === 'rdf' ? parseRdf(root, context.documentUrl) : parseRss(root, context.documentUrl), context);
  feed.warnings = warnings.list();
  feed.version = versionOf(root, /<!DOCTYPE\s+rss\s+PUBLIC\s+"-\/\/Netscape/i.test(decoded.text.slice(0, 1024)));
  feed.encoding = decoded.label ?? decoded.encoding;
  const malformed = decoded.malformed ?? document.malformed ?? (root === document.root ? undefined : 'the feed is not the root element');
  if (malformed !== undefined) feed.malformed = malformed;
  return feed;
}

/** A JSON Feed document; JSON that does not parse or is not a JSON Feed is a ParseError. */
function readJson(decoded: DecodedBody, options: ParseOptions): ParsedFeed {
  let json: unknown;
  try {
    json = JSON.parse(decoded.text);
  } catch (error) {
    throw new ParseError('not-a-feed', `parse: ${options.url} looks like JSON but does not parse (${(error as Error).message}); check the feed URL`);
  }
  const document = parseJsonFeed(json);
  if (!document) throw new ParseError('not-a-feed', `parse: ${options.url} is JSON but not a JSON Feed (no jsonfeed.org "version"); check the feed URL`);
  const warnings = new Warnings();
  for (const warning of decoded.warnings) warnings.add(warning);
  const context: ParseContext = { documentUrl: resolveUrl(options.url, undefined), documentBase: documentBaseOf(options), warnings };
  const feed = adaptJsonFeed(document, context);
  feed.warnings = warnings.list();
  feed.encoding = decoded.label ?? decoded.encoding;
  return feed;
}

/** feedparser's base: Content-Location joined onto the document URL, both as written. */
function documentBaseOf(options: ParseOptions): string {
  const location = options.contentLocation?.trim();
  // An unsafe Content-Location (javascript:) is ignored.
  return (location && safeAbsoluteUrl(options.url, location)) || options.url;
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
