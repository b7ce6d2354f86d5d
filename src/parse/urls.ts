import type { XmlElement } from './xml/tree.ts';

// Schemes a link may keep; anything else (javascript:, data:, vbscript:, file:) is dropped.
const SAFE_SCHEMES = new Set(['http:', 'https:', 'ftp:', 'mailto:']);

/** Resolves a reference against a base to an absolute URL; undefined when empty, invalid or unsafe. */
export function resolveUrl(ref: string | undefined, base: string | undefined): string | undefined {
  if (ref === undefined) return undefined;
  const trimmed = ref.trim();
  if (trimmed === '') return undefined;
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return undefined;
  }
  return SAFE_SCHEMES.has(url.protocol) ? url.href : undefined;
}

/** True for an absolute http(s) URL, the only kind an RSS guid is trusted to be a permalink with. */
export function looksLikeHttpUrl(value: string): boolean {
  const start = value.trimStart().slice(0, 8).toLowerCase();
  return start.startsWith('http://') || start.startsWith('https://');
}

/**
 * The base URL that xml:base attributes put in scope at an element
 * (https://www.w3.org/TR/xmlbase/), resolved outward-in from the document URL.
 * Undefined when no ancestor sets xml:base, so callers can pick their own fallback.
 */
export function xmlBaseOf(element: XmlElement | undefined, documentUrl: string | undefined): string | undefined {
  const chain: string[] = [];
  for (let at = element; at; at = at.parent) {
    const value = at.attrs['xml:base'];
    if (value !== undefined) chain.push(value);
  }
  if (chain.length === 0) return undefined;
  let base = documentUrl;
  for (let index = chain.length - 1; index >= 0; index--) {
    // A base that does not resolve (or is unsafe) is ignored, leaving the outer one in force.
    base = resolveUrl(chain[index], base) ?? base;
  }
  return base;
}
