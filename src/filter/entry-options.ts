import { createHash } from 'node:crypto';
import type { Entry, EntryOptions, TextDetail } from '../model/index.ts';
import { htmlText } from './text.ts';

/** What the entry options need to know about the feed document. */
export interface EntryOptionsContext {
  /** The URL the feed was fetched from (final, after redirects). */
  documentUrl: string;
  /** The feed's site link (for xml_base = "feed_alternate"). */
  feedLink?: string;
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// ignore_in_feed name -> the Entry fields holding it (feedparser's key, its _detail and _parsed forms).
const fieldsOf: Record<string, readonly (keyof Entry)[]> = {
  title: ['title', 'titleDetail'],
  link: ['link'],
  links: ['links'],
  summary: ['summary', 'summaryDetail'],
  content: ['content', 'contents'],
  author: ['author', 'authors', 'authorText'],
  contributors: ['contributors'],
  updated: ['updated', 'updatedText'],
  published: ['published', 'publishedText'],
  created: ['createdText'],
  tags: ['categories'],
  comments: ['comments'],
  enclosures: [],
  source: ['source'],
  rights: ['rightsDetail'],
  language: ['language'],
};

/**
 * Applies one feed's Venus entry options to a parsed entry, before it is sanitized: drops the
 * fields ignore_in_feed names (an entry without dates is placed when first seen, which is the
 * point for feeds that re-date every post), sets the base relative links resolve against
 * (xml_base), and reads title, summary or content as text or HTML whatever the feed declared.
 */
export function applyEntryOptions(entry: Entry, options: EntryOptions | undefined, ctx: EntryOptionsContext): Entry {
  if (options === undefined) return entry;
  let out: Entry = { ...entry };
  if (options.titleType !== undefined) out = retypeTitle(out, options.titleType);
  if (options.summaryType !== undefined) out = retypeHtml(out, 'summary', out.summaryDetail, options.summaryType);
  if (options.contentType !== undefined) out = retypeHtml(out, 'content', out.contents?.[0], options.contentType);
  for (const name of options.ignoreInFeed ?? []) out = ignore(out, name);
  if (options.xmlBase !== undefined) {
    const base = options.xmlBase === 'feed_alternate' ? ctx.feedLink : options.xmlBase === 'entry_alternate' ? out.link : options.xmlBase;
    if (base !== undefined) out.baseUrl = new URL(base, ctx.documentUrl).href;
  }
  return out;
}

function ignore(entry: Entry, name: string): Entry {
  const out: Entry = { ...entry };
  for (const field of fieldsOf[name] ?? []) delete out[field];
  if (name === 'links' || name === 'enclosures') {
    const keep = name === 'links' ? (rel: string) => rel === 'enclosure' : (rel: string) => rel !== 'enclosure';
    const links = entry.links?.filter((link) => keep(link.rel));
    if (links === undefined || links.length === 0) delete out.links;
    else out.links = links;
  }
  if (name === 'id') {
    // The entry still needs an identity: the parser's rule without the stated id (link, else a hash).
    delete out.statedId;
    out.id = entry.link ?? `sha256:${createHash('sha256').update(`${entry.title ?? ''}\u0000${entry.content ?? entry.summary ?? ''}`).digest('hex')}`;
  }
  return out;
}

function retypeTitle(entry: Entry, type: 'text' | 'html'): Entry {
  const raw = entry.titleDetail?.value ?? entry.title;
  if (raw === undefined) return entry;
  // Titles are plain text in the model: forced HTML loses its markup, forced text keeps every character.
  return { ...entry, title: type === 'html' ? htmlText(raw) : raw.trim() };
}

function retypeHtml(entry: Entry, field: 'summary' | 'content', detail: TextDetail | undefined, type: 'text' | 'html'): Entry {
  const raw = detail?.value ?? entry[field];
  if (raw === undefined) return entry;
  return { ...entry, [field]: type === 'html' ? raw : escapeHtml(raw) };
}
