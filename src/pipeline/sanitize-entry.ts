import type { Entry } from '../model/index.ts';
import { sanitizeHtml } from '../sanitize/index.ts';
import type { SanitizePolicy } from '../sanitize/index.ts';

/**
 * Entry HTML is untrusted: it is sanitized here, before it is stored, so every output gets
 * safe HTML. The parser's raw detail fields (titleDetail, summaryDetail, contents,
 * rightsDetail: the feedparser-shaped view's input) are dropped, not passed on, so no stage
 * after this one can pick up HTML that never went through the sanitizer.
 * `policy === false` is the browser proof's control run only (see UpdateOptions).
 */
export function sanitizeEntry(entry: Entry, documentUrl: string, policy: SanitizePolicy | false | undefined): Entry {
  // Left out by destructuring, not `delete`: deleting properties turns an object into a slow
  // dictionary-mode one, and this runs for every entry (it showed in bench/fetch's profile).
  const { titleDetail, summaryDetail, contents, rightsDetail, ...rest } = entry;
  if (policy === false) return rest;
  const baseUrl = entry.baseUrl ?? documentUrl;
  return {
    ...rest,
    content: entry.content === undefined ? undefined : sanitizeHtml(entry.content, { baseUrl, policy }),
    summary: entry.summary === undefined ? undefined : sanitizeHtml(entry.summary, { baseUrl, policy }),
  };
}
