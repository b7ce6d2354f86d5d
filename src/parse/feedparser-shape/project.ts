import type { Category, Entry, EntrySource, Link, ParsedFeed, Person, TextDetail } from '../../model/index.ts';
import type { ParseError } from '../../model/index.ts';
import { parseDate } from '../dates.ts';
import { parsePersonString } from '../person.ts';
import { demoronize } from './cp1252.ts';
import { cleanHtml } from './html-clean.ts';
import { looksLikeHtml } from './looks-like-html.ts';
import type { FpDetail, FpObject, FpPerson, FpResult } from './result.ts';

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/**
 * Our parse result in feedparser's result model: the conformance view that golden_check.mjs
 * scores. HTML values are resolved and sanitized here, feedparser's way; the pipeline never
 * uses this view (it sanitizes with src/sanitize).
 */
export function toFeedparserResult(feed: ParsedFeed): FpResult {
  const atom = (feed.version ?? '').startsWith('atom');
  const detail = (text: TextDetail | undefined): FpDetail | undefined => text && projectDetail(text, atom);
  const result: FpResult = { bozo: feed.malformed !== undefined, version: feed.version ?? '', feed: {}, entries: [] };
  if (feed.malformed !== undefined) result.bozo_exception = { type: 'SAXParseException', message: feed.malformed };
  if (feed.encoding !== undefined) result.encoding = feed.encoding;
  result.feed = projectFeedFields(feed, detail);
  result.entries = feed.entries.map((entry) => projectEntry(entry, detail));
  return result;
}

/** The keys of a feed, or of an entry's source feed. */
function projectFeedFields(feed: EntrySource, detail: (text: TextDetail | undefined) => FpDetail | undefined): FpObject {
  const out: FpObject = {};
  putDetail(out, 'title', detail(feed.titleDetail));
  putDetail(out, 'subtitle', detail(feed.subtitleDetail));
  putDetail(out, 'rights', detail(feed.rightsDetail));
  putDetail(out, 'info', detail(feed.infoDetail));
  putLinks(out, feed.links);
  put(out, 'id', feed.id);
  putDate(out, 'published', feed.publishedText);
  putDate(out, 'updated', feed.updatedText);
  putDate(out, 'created', feed.createdText);
  put(out, 'language', feed.language);
  putPeople(out, feed.authors, feed.contributors, feed.authorText);
  putTags(out, feed.categories);
  if (feed.generator) {
    const generator: FpObject = {};
    put(generator, 'name', feed.generator.name);
    put(generator, 'href', feed.generator.uri);
    put(generator, 'version', feed.generator.version);
    out.generator_detail = generator;
    put(out, 'generator', feed.generator.name);
  }
  putPublisher(out, feed.publisherText);
  put(out, 'icon', feed.icon);
  put(out, 'logo', feed.logo);
  if (feed.image) {
    const image: FpObject = {};
    put(image, 'href', feed.image.href);
    put(image, 'title', feed.image.title);
    put(image, 'link', feed.image.link);
    put(image, 'width', feed.image.width);
    put(image, 'height', feed.image.height);
    put(image, 'description', feed.image.description);
    put(image, 'subtitle', feed.image.description);
    out.image = image;
  }
  putExtras(out, feed.extras);
  return out;
}

/** Adds what feedparser reports from the HTTP response: `etag`, and Last-Modified as `updated`. */
export function addResponseHeaders(result: FpResult, headers: Readonly<Record<string, string>>): FpResult {
  for (const [name, value] of Object.entries(headers)) {
    const key = name.toLowerCase();
    if (key === 'etag') result.etag = value;
    else if (key === 'last-modified') {
      result.updated = value;
      result.updated_parsed = isoOf(parseDate(value));
    }
  }
  return result;
}

/** The result feedparser gives a document it cannot read as a feed: bozo, empty feed and entries. */
export function feedparserResultOfError(error: ParseError): FpResult {
  return { bozo: true, bozo_exception: { type: error.code, message: error.message }, version: '', feed: {}, entries: [] };
}

function projectEntry(entry: Entry, detail: (text: TextDetail | undefined) => FpDetail | undefined): FpObject {
  const out: FpObject = {};
  put(out, 'id', entry.statedId);
  putDetail(out, 'title', detail(entry.titleDetail));
  putLinks(out, entry.links);
  if (entry.statedId !== undefined) out.guidislink = false;
  if (out.link === undefined && entry.guidIsLink && entry.statedId) {
    out.link = entry.statedId;
    out.guidislink = true;
  }
  putDate(out, 'published', entry.publishedText);
  putDate(out, 'updated', entry.updatedText);
  putPeople(out, entry.authors, entry.contributors, entry.authorText);
  putDetail(out, 'summary', detail(entry.summaryDetail));
  if (entry.contents && entry.contents.length > 0) {
    const contents = entry.contents.map((content) => detail(content) as FpDetail);
    out.content = contents;
    // feedparser copies the first text or HTML content to `summary` when there is none.
    const first = contents[0];
    if (out.summary === undefined && first && (first.type === 'text/plain' || HTML_TYPES.has(first.type))) out.summary = first.value;
  }
  putTags(out, entry.categories);
  putDetail(out, 'rights', detail(entry.rightsDetail));
  put(out, 'comments', entry.comments);
  put(out, 'language', entry.language);
  putDate(out, 'created', entry.createdText);
  putDate(out, 'expired', entry.expiredText);
  putPublisher(out, entry.publisherText);
  putExtras(out, entry.extras);
  if (entry.source) out.source = projectFeedFields(entry.source, detail);
  return out;
}

function projectDetail(text: TextDetail, atom: boolean): FpDetail {
  let type = text.type;
  let value = demoronize(text.value).trim();
  // RSS leaves a field's type open; feedparser guesses HTML from what the text looks like.
  if (!atom && type === 'text/plain' && looksLikeHtml(value)) type = 'text/html';
  if (HTML_TYPES.has(type)) value = cleanHtml(value, { base: text.base ?? '', sanitize: true, type });
  const projected: FpDetail = { type, language: text.language ?? null, base: text.base ?? '', value };
  if (text.src !== undefined) projected.src = text.src;
  return projected;
}

function put(out: FpObject, key: string, value: unknown): void {
  if (value !== undefined) out[key] = value;
}

function putDetail(out: FpObject, key: string, detail: FpDetail | undefined): void {
  if (!detail) return;
  out[key] = detail.value;
  out[`${key}_detail`] = detail;
}

function putLinks(out: FpObject, links: Link[] | undefined): void {
  if (!links || links.length === 0) return;
  out.links = links.map((link) => {
    const projected: FpObject = { rel: link.rel };
    put(projected, 'type', link.type);
    projected.href = link.href;
    put(projected, 'title', link.title);
    put(projected, 'length', link.length);
    put(projected, 'hreflang', link.hreflang);
    return projected;
  });
  const alternate = links.find((link) => link.rel === 'alternate' && HTML_TYPES.has(link.type ?? 'text/html'));
  if (alternate) out.link = alternate.href;
  const enclosures = links.filter((link) => link.rel === 'enclosure');
  if (enclosures.length > 0) {
    out.enclosures = enclosures.map((link) => {
      const projected: FpObject = {};
      put(projected, 'length', link.length);
      put(projected, 'type', link.type);
      projected.href = link.href;
      return projected;
    });
  }
}

function putDate(out: FpObject, key: string, text: string | undefined): void {
  if (text === undefined) return;
  out[key] = text;
  out[`${key}_parsed`] = isoOf(parseDate(text));
}

function isoOf(date: Date | undefined): string | null {
  return date ? `${date.toISOString().slice(0, 19)}Z` : null;
}

function projectPerson(p: Person): FpPerson {
  const out: FpPerson = {};
  if (p.name !== undefined) out.name = p.name;
  if (p.email !== undefined) out.email = p.email;
  if (p.uri !== undefined) out.href = p.uri;
  return out;
}

function putPeople(out: FpObject, authors: Person[] | undefined, contributors: Person[] | undefined, text: string | undefined): void {
  const first = authors?.[0];
  if (first) {
    const detail = projectPerson(first);
    const name = first.name && first.email ? `${first.name} (${first.email})` : (first.name ?? first.email);
    put(out, 'author', text ?? name);
    out.author_detail = detail;
    out.authors = authors.map(projectPerson);
  }
  if (contributors && contributors.length > 0) out.contributors = contributors.map(projectPerson);
}

function putPublisher(out: FpObject, text: string | undefined): void {
  if (text === undefined) return;
  out.publisher = text;
  const person = parsePersonString(text);
  if (person) out.publisher_detail = projectPerson(person);
}

// Elements the model has no field for, under feedparser's keys; they never hide a modelled key.
function putExtras(out: FpObject, extras: Record<string, unknown> | undefined): void {
  for (const [key, value] of Object.entries(extras ?? {})) {
    if (!(key in out)) out[key] = value;
  }
  for (const key of ['validity_start', 'validity_end']) {
    const text = out[key];
    if (typeof text === 'string') out[`${key}_parsed`] = isoOf(parseDate(text));
  }
}

function putTags(out: FpObject, categories: Category[] | undefined): void {
  if (!categories || categories.length === 0) return;
  out.tags = categories.map((category) => ({ term: category.term, scheme: category.scheme ?? null, label: category.label ?? null }));
}
