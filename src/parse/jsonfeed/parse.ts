import type { JsonFeedAttachment, JsonFeedAuthor, JsonFeedDocument, JsonFeedItem } from './wire.ts';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined);

/** Reads a parsed JSON value as a JSON Feed; undefined when it is not one (no `version` naming jsonfeed.org). */
export function parseJsonFeed(json: unknown): JsonFeedDocument | undefined {
  if (!isObject(json)) return undefined;
  const version = str(json.version) ?? '';
  if (!version.includes('jsonfeed.org/version/')) return undefined;
  const document: JsonFeedDocument = { version, authors: readAuthors(json), items: [] };
  copyStrings(json, document, ['title', 'home_page_url', 'feed_url', 'description', 'icon', 'favicon', 'language']);
  if (Array.isArray(json.items)) {
    for (const item of json.items) if (isObject(item)) document.items.push(readItem(item));
  }
  return document;
}

function readItem(json: Json): JsonFeedItem {
  const item: JsonFeedItem = { authors: readAuthors(json), tags: [], attachments: [] };
  copyStrings(json, item, ['id', 'url', 'external_url', 'title', 'content_html', 'content_text', 'summary', 'date_published', 'date_modified', 'language']);
  if (Array.isArray(json.tags)) for (const tag of json.tags) if (typeof tag === 'string') item.tags.push(tag);
  if (Array.isArray(json.attachments)) {
    for (const raw of json.attachments) {
      if (!isObject(raw) || typeof raw.url !== 'string') continue;
      const attachment: JsonFeedAttachment = { url: raw.url };
      copyStrings(raw, attachment, ['mime_type', 'title']);
      if (typeof raw.size_in_bytes === 'number') attachment.size_in_bytes = raw.size_in_bytes;
      item.attachments.push(attachment);
    }
  }
  return item;
}

/** 1.1's `authors` array, else 1.0's single `author`. */
function readAuthors(json: Json): JsonFeedAuthor[] {
  const raw = Array.isArray(json.authors) ? json.authors : isObject(json.author) ? [json.author] : [];
  const authors: JsonFeedAuthor[] = [];
  for (const entry of raw) {
    if (!isObject(entry)) continue;
    const author: JsonFeedAuthor = {};
    copyStrings(entry, author, ['name', 'url', 'avatar']);
    authors.push(author);
  }
  return authors;
}

function copyStrings<T extends object>(from: Json, to: T, keys: readonly (keyof T & string)[]): void {
  for (const key of keys) {
    const value = str(from[key]);
    if (value !== undefined) (to as Record<string, unknown>)[key] = value;
  }
}
