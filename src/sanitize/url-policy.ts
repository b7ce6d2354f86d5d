/** Which URLs may appear in sanitized HTML, and what relative ones resolve against. */
export interface UrlPolicy {
  /** Allowed schemes, lower case, without the colon. */
  schemes: ReadonlySet<string>;
  /** Base for relative URLs; without one they stay relative. */
  base: URL | undefined;
}

/** The schemes a planet page links to: the web and e-mail. */
export const DEFAULT_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'mailto']);

/**
 * A policy for one piece of HTML. The base comes from the feed (xml:base or the feed URL), so
 * it is untrusted too: a base that is not an absolute http(s) URL is ignored, because resolving
 * "#x" against "javascript:..." would yield a javascript: URL.
 */
export function createUrlPolicy(
  baseUrl: string | undefined,
  schemes: ReadonlySet<string> = DEFAULT_SCHEMES,
): UrlPolicy {
  const base = baseUrl === undefined ? undefined : parseUrl(baseUrl);
  const usable = base !== undefined && (base.protocol === 'http:' || base.protocol === 'https:');
  return { schemes, base: usable ? base : undefined };
}

/**
 * The URL to write for an attribute value, or undefined when it must go. Absolute URLs come
 * back as the URL parser serialises them, so what was checked is what the browser follows.
 */
export function checkUrl(value: string, policy: UrlPolicy): string | undefined {
  const cleaned = cleanUrl(value);
  if (cleaned === '') return undefined;
  const scheme = schemeOf(cleaned);
  if (scheme === undefined && policy.base === undefined) return cleaned;
  const url = parseUrl(cleaned, policy.base);
  if (url === undefined) return undefined;
  // Checked on the resolved URL: its scheme is the one the browser acts on.
  return policy.schemes.has(url.protocol.slice(0, -1)) ? url.href : undefined;
}

// Raster images only: an image decoder runs no script, and a data: URL has an opaque origin
// even when opened on its own. Kept because real posts embed them (notebook exports carry
// plots as base64 PNG, math renderers emit formula images); SVG stays out, as the format
// that can hold script if a browser ever shows it as a document. The cap keeps the store lean.
const rasterDataUrl = /^data:image\/(?:png|gif|jpeg|webp|avif)(?:;base64)?,[a-z0-9+/=%\s]*$/i;
const maxDataUrlLength = 100_000;

/** Like checkUrl, for an <img> src: also keeps a raster data:image URL of modest size. */
export function checkImageUrl(value: string, policy: UrlPolicy): string | undefined {
  const cleaned = cleanUrl(value);
  if (cleaned.length <= maxDataUrlLength && rasterDataUrl.test(cleaned)) return cleaned.replace(/\s+/g, '');
  return checkUrl(value, policy);
}

/**
 * A srcset value with only the candidates whose URL passes, or undefined when none does.
 * Parsing follows https://html.spec.whatwg.org/multipage/images.html#parsing-a-srcset-attribute
 * so that the URLs checked are the URLs a browser would fetch.
 */
export function checkSrcset(value: string, policy: UrlPolicy): string | undefined {
  const kept: string[] = [];
  for (const { url, descriptors } of parseSrcset(value)) {
    const checked = checkUrl(url, policy);
    if (checked !== undefined) kept.push(descriptors === '' ? checked : `${checked} ${descriptors}`);
  }
  return kept.length === 0 ? undefined : kept.join(', ');
}

// Browsers strip leading and trailing C0 controls and spaces, and remove every tab and
// newline anywhere, before they look for a scheme: "jav&#x09;ascript:" and " javascript:"
// are javascript: URLs. https://url.spec.whatwg.org/#concept-basic-url-parser
function cleanUrl(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && value.charCodeAt(start) <= 0x20) start++;
  while (end > start && value.charCodeAt(end - 1) <= 0x20) end--;
  return value.slice(start, end).replace(/[\t\n\r]/g, '');
}

// The scheme as the URL parser reads it (https://url.spec.whatwg.org/#scheme-start-state), or
// undefined for a relative URL such as "./a:b" or "/x".
function schemeOf(cleaned: string): string | undefined {
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned);
  return match?.[1]?.toLowerCase();
}

function parseUrl(value: string, base?: URL): URL | undefined {
  try {
    return new URL(value, base);
  } catch {
    return undefined;
  }
}

interface SrcsetCandidate {
  url: string;
  descriptors: string;
}

// ASCII whitespace as the HTML spec defines it: https://infra.spec.whatwg.org/#ascii-whitespace
const whitespace = /[\t\n\f\r ]/;

function parseSrcset(value: string): SrcsetCandidate[] {
  const candidates: SrcsetCandidate[] = [];
  let pos = 0;
  while (pos < value.length) {
    while (pos < value.length && (whitespace.test(value[pos] ?? '') || value[pos] === ',')) pos++;
    if (pos >= value.length) break;
    const urlStart = pos;
    while (pos < value.length && !whitespace.test(value[pos] ?? '')) pos++;
    let url = value.slice(urlStart, pos);
    if (url.endsWith(',')) {
      // A URL ending in commas ends the candidate: it has no descriptors.
      url = url.replace(/,+$/, '');
      candidates.push({ url, descriptors: '' });
      continue;
    }
    // Descriptors run to the next comma outside parentheses.
    const descStart = pos;
    let depth = 0;
    while (pos < value.length && !(value[pos] === ',' && depth === 0)) {
      if (value[pos] === '(') depth++;
      else if (value[pos] === ')' && depth > 0) depth--;
      pos++;
    }
    const descriptors = value
      .slice(descStart, pos)
      .split(/[\t\n\f\r ]+/)
      .filter((part) => part !== '')
      .join(' ');
    candidates.push({ url, descriptors });
    pos++;
  }
  return candidates;
}
