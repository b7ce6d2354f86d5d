import { ACCEPTABLE_SCHEMES } from './allowlist.ts';

// Reference resolution as RFC 3986 section 5.2 defines it, without the WHATWG URL parser's
// normalisation (no added trailing slash, no percent-encoding, no case folding): feedparser
// returns references resolved but otherwise as written, and the conformance view must too.
const PARTS = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/;
const EXTRA_SLASHES = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)(\/*)(.*?)/;
// Schemes whose references resolve hierarchically (Python's urllib.parse.uses_relative).
const RELATIVE_SCHEMES = new Set(['', 'ftp', 'http', 'gopher', 'nntp', 'imap', 'wais', 'file', 'https', 'shttp', 'mms', 'prospero', 'rtsp', 'rtspu', 'sftp', 'svn', 'svn+ssh', 'ws', 'wss']);

interface Parts {
  scheme?: string;
  authority?: string;
  path: string;
  query?: string;
  fragment?: string;
}

function split(uri: string): Parts | undefined {
  const m = PARTS.exec(uri);
  if (!m) return undefined;
  const parts: Parts = { path: m[3] ?? '' };
  if (m[1] !== undefined) parts.scheme = m[1].toLowerCase();
  if (m[2] !== undefined) parts.authority = m[2];
  if (m[4] !== undefined) parts.query = m[4];
  if (m[5] !== undefined) parts.fragment = m[5];
  return parts;
}

function join(parts: Parts): string {
  let out = '';
  if (parts.scheme !== undefined) out += `${parts.scheme}:`;
  if (parts.authority !== undefined) out += `//${parts.authority}`;
  out += parts.path;
  if (parts.query !== undefined) out += `?${parts.query}`;
  if (parts.fragment !== undefined) out += `#${parts.fragment}`;
  return out;
}

function removeDotSegments(path: string): string {
  const output: string[] = [];
  const segments = path.split('/');
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index];
    const last = index === segments.length - 1;
    if (segment === '.') {
      if (last) output.push('');
    } else if (segment === '..') {
      if (output.length > 1) output.pop();
      if (last) output.push('');
    } else {
      output.push(segment ?? '');
    }
  }
  return output.join('/');
}

function merge(base: Parts, path: string): string {
  if (base.authority !== undefined && base.path === '') return `/${path}`;
  return base.path.slice(0, base.path.lastIndexOf('/') + 1) + path;
}

/** `uri` resolved against `base` (feedparser's _urljoin); '' when either is malformed. */
export function joinUrl(base: string, uri: string): string {
  const ref = split(uri.replace(EXTRA_SLASHES, '$1$3'));
  if (base === '') return uri;
  const from = split(base);
  if (!ref || !from || hasBadHost(ref) || hasBadHost(from)) return '';
  if (ref.scheme !== undefined && (ref.scheme !== from.scheme || !RELATIVE_SCHEMES.has(ref.scheme))) return join(ref);
  if (!RELATIVE_SCHEMES.has(from.scheme ?? '')) return uri;
  const target: Parts = { path: '' };
  if (from.scheme !== undefined) target.scheme = from.scheme;
  if (ref.authority !== undefined) {
    target.authority = ref.authority;
    target.path = removeDotSegments(ref.path);
    if (ref.query !== undefined) target.query = ref.query;
  } else {
    if (from.authority !== undefined) target.authority = from.authority;
    if (ref.path === '') {
      target.path = from.path;
      if (ref.query !== undefined) target.query = ref.query;
      else if (from.query !== undefined) target.query = from.query;
    } else {
      target.path = removeDotSegments(ref.path.startsWith('/') ? ref.path : merge(from, ref.path));
      if (ref.query !== undefined) target.query = ref.query;
    }
  }
  if (ref.fragment !== undefined) target.fragment = ref.fragment;
  return join(target);
}

// Python raises ValueError for an unbalanced IPv6 bracket in the host; feedparser then drops the URI.
function hasBadHost(parts: Parts): boolean {
  const host = parts.authority;
  if (host === undefined) return false;
  return host.includes('[') !== host.includes(']');
}

/** A URI with an acceptable scheme, resolved against `base` (make_safe_absolute_uri); '' when unsafe. */
export function safeAbsoluteUrl(base: string, uri: string): string {
  if (base === '') return uri;
  if (uri === '') return safeUrl(base);
  const joined = joinUrl(base, uri);
  return ACCEPTABLE_SCHEMES.has(joined.trim().split(':', 1)[0] ?? '') ? joined : '';
}

/** The URI unless its scheme is not acceptable (a reference without a scheme passes). */
export function safeUrl(uri: string): string {
  const scheme = split(uri)?.scheme;
  if (scheme === undefined) return uri;
  return ACCEPTABLE_SCHEMES.has(scheme) ? uri : '';
}
