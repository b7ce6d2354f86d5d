import { FetchError } from '../model/index.ts';
import { discardBody, headerValue } from './client.ts';
import type { HopResponse } from './client.ts';
import type { RedirectHop } from './types.ts';

/** Hops followed before giving up; browsers allow 20, but a feed that needs more than a few is misconfigured. */
export const MAX_REDIRECTS = 5;

/** https://www.rfc-editor.org/rfc/rfc9110#section-15.4: the statuses whose Location we follow. */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** The response that ended a redirect chain, and the chain that led to it. */
export interface FinalResponse {
  url: URL;
  response: HopResponse;
  redirects: RedirectHop[];
}

/** Sends one request to one URL; `followRedirects` calls it once per hop. */
export type SendHop = (url: URL) => Promise<HopResponse>;

/**
 * Follows redirects from `start` with our own loop rather than undici's, so every hop is
 * recorded and can be checked (scheme now; per-host limits and address checks later).
 */
export async function followRedirects(start: URL, send: SendHop): Promise<FinalResponse> {
  const redirects: RedirectHop[] = [];
  const visited = new Set([start.href]);
  let url = start;
  for (;;) {
    const response = await send(url);
    const location = REDIRECT_STATUSES.has(response.statusCode) ? headerValue(response, 'location') : undefined;
    if (location === undefined) return { url, response, redirects };
    await discardBody(response);

    const next = resolveLocation(location, url, start);
    redirects.push({ from: url.href, to: next.href, status: response.statusCode });
    if (visited.has(next.href)) {
      throw new FetchError(
        'too-many-redirects',
        `fetch: ${start.href} redirects in a loop (${describeChain(redirects)}) (feed kept; tell the site's owner, or use the feed's real URL in planet.toml)`,
      );
    }
    if (redirects.length > MAX_REDIRECTS) {
      throw new FetchError(
        'too-many-redirects',
        `fetch: ${start.href} redirected more than ${MAX_REDIRECTS} times (${describeChain(redirects)}) (feed kept; put the feed's final URL in planet.toml)`,
      );
    }
    visited.add(next.href);
    url = next;
  }
}

/** Resolves a Location header (relative ones too, RFC 9110 section 10.2.2) and refuses schemes we do not fetch. */
function resolveLocation(location: string, base: URL, start: URL): URL {
  let next: URL;
  try {
    next = new URL(location, base);
  } catch (error) {
    throw new FetchError(
      'bad-url',
      `fetch: ${start.href} redirects to "${location}", which is not a URL (feed kept; fix the feed's URL in planet.toml)`,
      { cause: error },
    );
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    throw new FetchError(
      'bad-url',
      `fetch: ${start.href} redirects to ${next.href}, which is not http or https (feed kept; fix the feed's URL in planet.toml)`,
    );
  }
  return next;
}

function describeChain(redirects: RedirectHop[]): string {
  const first = redirects[0];
  if (first === undefined) return '';
  return [first.from, ...redirects.map((hop) => `${hop.status} ${hop.to}`)].join(' -> ');
}

/** https://www.rfc-editor.org/rfc/rfc9110#section-15.4: the statuses that say a resource moved for good. */
const PERMANENT_STATUSES = new Set([301, 308]);

/**
 * Where a chain says the feed moved for good: the target of the last hop in its leading run of
 * 301/308s (301 A->B then 302 B->C means B is the feed's new home, C only where B is today).
 */
export function permanentMove(redirects: readonly RedirectHop[]): string | undefined {
  let moved: string | undefined;
  for (const hop of redirects) {
    if (!PERMANENT_STATUSES.has(hop.status)) break;
    moved = hop.to;
  }
  return moved;
}
