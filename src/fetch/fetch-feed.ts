import { STATUS_CODES } from 'node:http';
import type { Dispatcher } from 'undici';
import { FetchError } from '../model/index.ts';
import type { FetchSettings, Validators } from '../model/index.ts';
import { readBody } from './body.ts';
import { createAgent, discardBody, headerValue, requestHeaders, sendRequest, timeoutsFor } from './client.ts';
import type { HopResponse, Timeouts } from './client.ts';
import { timeoutError, toFetchError } from './errors.ts';
import { followRedirects } from './redirects.ts';
import type { FinalResponse } from './redirects.ts';
import type { FetchRequest, FetchResult, HttpClient } from './types.ts';

/** What every fetch of one client shares. */
interface Context {
  agent: Dispatcher;
  settings: FetchSettings;
  timeouts: Timeouts;
}

/** A client with one connection pool for the whole run; the pipeline bounds how many feeds run at once. */
export function createHttpClient(settings: FetchSettings): HttpClient {
  const timeouts = timeoutsFor(settings);
  const agent = createAgent(settings, timeouts);
  const context: Context = { agent, settings, timeouts };
  return {
    fetchFeed: (request) => fetchFeed(context, request),
    close: () => agent.close(),
  };
}

async function fetchFeed(context: Context, request: FetchRequest): Promise<FetchResult> {
  const start = parseFeedUrl(request.url);
  const headers = requestHeaders(context.settings, request.validators);
  // One deadline for the whole fetch: undici's own timeouts are per phase and restart on every hop.
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), context.timeouts.totalMs);
  let current = start;
  try {
    // The validators came from the final URL of the last fetch, so every hop carries them:
    // a feed that moved with a permanent redirect still gets its 304s.
    const final = await followRedirects(start, (url) => {
      current = url;
      return sendRequest(context.agent, url, headers, deadline.signal);
    });
    return await interpret(final, request.validators, context.settings.maxBytes, describe(request.url, start, final.url));
  } catch (error) {
    if (error instanceof FetchError) throw error;
    const where = describe(request.url, start, current);
    // Whatever undici or zlib reports once the deadline fired, the cause is the deadline.
    if (deadline.signal.aborted) throw timeoutError(where, 'total', context.timeouts.totalMs, error);
    throw toFetchError(error, where, current.hostname, context.timeouts);
  } finally {
    clearTimeout(timer);
  }
}

/** Turns the final response into a result, or a FetchError for a status that carries no feed. */
async function interpret(final: FinalResponse, old: Validators, maxBytes: number, where: string): Promise<FetchResult> {
  const { url, response, redirects } = final;
  const status = response.statusCode;
  if (status === 304) {
    await discardBody(response);
    // https://www.rfc-editor.org/rfc/rfc9110#section-15.4.5: a 304 may update the validators.
    const fresh = validatorsOf(response);
    const validators = { ...old, ...fresh };
    return { kind: 'not-modified', url: url.href, httpStatus: 304, validators, redirects };
  }
  if (status >= 200 && status < 300 && status !== 204) {
    const body = await readBody(response, where, maxBytes);
    const contentType = headerValue(response, 'content-type');
    return {
      kind: 'ok',
      url: url.href,
      httpStatus: status,
      body,
      ...(contentType === undefined ? {} : { contentType }),
      validators: validatorsOf(response),
      redirects,
    };
  }
  await discardBody(response);
  const text = response.statusText || STATUS_CODES[status] || 'Unknown';
  throw new FetchError('http-status', `fetch: ${where} answered HTTP ${status} ${text} (feed kept; ${statusHint(status)})`, {
    httpStatus: status,
  });
}

/** The ETag and Last-Modified a response sent, as sent; absent ones are left out. */
function validatorsOf(response: HopResponse): Validators {
  const etag = headerValue(response, 'etag');
  const lastModified = headerValue(response, 'last-modified');
  return { ...(etag === undefined ? {} : { etag }), ...(lastModified === undefined ? {} : { lastModified }) };
}

function statusHint(status: number): string {
  if (status === 204) return 'the server sent no feed; check the URL';
  if (status < 400) return 'a redirect Planet cannot follow; check the URL';
  if (status === 401 || status === 403) return 'the server refuses access; check the URL';
  if (status === 410) return 'the feed is gone; find its new URL or remove it from planet.toml';
  if (status === 429) return 'the server asks us to slow down; it is tried again next run';
  if (status >= 500) return 'a server error; it is tried again next run';
  return 'check the URL';
}

/** Accepts only absolute http and https URLs: the schemes a feed can be fetched over. */
function parseFeedUrl(url: string): URL {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (parsed?.protocol === 'http:' || parsed?.protocol === 'https:') return parsed;
  throw new FetchError('bad-url', `fetch: "${url}" is not an http or https URL (fix it in planet.toml)`);
}

/** Names a feed as planet.toml does, and the hop it had reached when that differs. */
function describe(original: string, start: URL, current: URL): string {
  return current.href === start.href ? original : `${original} (redirected to ${current.href})`;
}
