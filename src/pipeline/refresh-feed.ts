import type { HttpClient } from '../fetch/index.ts';
import type { Entry, FeedRecord } from '../model/index.ts';
import { FetchError, toErrorRecord } from '../model/index.ts';
import { parseFeed } from '../parse/index.ts';
import { sanitizeHtml } from '../sanitize/index.ts';
import type { Store } from '../store/index.ts';

/** What happened to one feed in one run. */
export interface FeedReport {
  feedId: number;
  url: string;
  name: string;
  status: 'updated' | 'not-modified' | 'failed';
  httpStatus?: number;
  error?: { code: string; message: string };
  /** Where the feed was finally fetched from, when redirects moved it. */
  finalUrl?: string;
  newEntries: number;
  updatedEntries: number;
  warnings: string[];
  ms: number;
}

export interface RefreshContext {
  client: HttpClient;
  store: Store;
  now: () => Date;
}

/**
 * Fetches, parses, sanitizes and stores one feed. This is the pipeline's one per-feed
 * error boundary: whatever goes wrong with this feed is stored on its row and
 * reported, and the run goes on. Only a failure to record the failure escapes.
 */
export async function refreshFeed(feed: FeedRecord, context: RefreshContext): Promise<FeedReport> {
  const started = performance.now();
  const base = { feedId: feed.id, url: feed.url, name: feed.name, newEntries: 0, updatedEntries: 0, warnings: [] };
  const elapsed = (): number => Math.round(performance.now() - started);
  try {
    const result = await context.client.fetchFeed({ url: feed.url, validators: feed.validators });
    const finalUrl = result.url === feed.url ? undefined : result.url;
    if (result.kind === 'not-modified') {
      await context.store.saveFetch(feed.id, {
        kind: 'not-modified',
        at: context.now(),
        httpStatus: result.httpStatus,
        validators: result.validators,
      });
      return { ...base, status: 'not-modified', httpStatus: result.httpStatus, finalUrl, ms: elapsed() };
    }
    const parsed = parseFeed(result.body, { url: result.url, contentType: result.contentType });
    const entries = parsed.entries.map((entry) => sanitizeEntry(entry, result.url));
    const saved = await context.store.saveFetch(feed.id, {
      kind: 'updated',
      at: context.now(),
      httpStatus: result.httpStatus,
      validators: result.validators,
      feed: { title: parsed.title, link: parsed.link },
      entries,
    });
    return { ...base, ...saved, status: 'updated', httpStatus: result.httpStatus, finalUrl, warnings: parsed.warnings, ms: elapsed() };
  } catch (caught) {
    const error = toErrorRecord(caught);
    const httpStatus = caught instanceof FetchError ? caught.httpStatus : undefined;
    await context.store.saveFetch(feed.id, { kind: 'failed', at: context.now(), httpStatus, error });
    return { ...base, status: 'failed', httpStatus, error, ms: elapsed() };
  }
}

/** Entry HTML is untrusted: it is sanitized here, before it is stored, so every output gets safe HTML. */
function sanitizeEntry(entry: Entry, documentUrl: string): Entry {
  const baseUrl = entry.baseUrl ?? documentUrl;
  return {
    ...entry,
    content: entry.content === undefined ? undefined : sanitizeHtml(entry.content, { baseUrl }),
    summary: entry.summary === undefined ? undefined : sanitizeHtml(entry.summary, { baseUrl }),
  };
}
