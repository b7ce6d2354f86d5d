/** One subscription a reading list names. */
export interface ListedFeed {
  /** The feed's URL, absolute http(s). */
  url: string;
  /** The name the list gives it, if any. */
  name?: string;
  /** The site the feed belongs to, if the list says. */
  siteUrl?: string;
}

/**
 * The URL as an absolute http(s) URL, or undefined for anything else (relative, mailto:,
 * javascript:...). URLs carrying a user name or password are refused too: feed URLs are printed
 * and stored, and a list is no place for secrets ([[feeds]] has username and password).
 */
export function httpUrl(value: string | undefined, base?: string): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  try {
    const url = new URL(value.trim(), base);
    const http = url.protocol === 'http:' || url.protocol === 'https:';
    return http && url.username === '' && url.password === '' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A trimmed, non-empty string, else undefined. */
export function text(value: string | undefined): string | undefined {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
