import { STATUS_CODES } from 'node:http';
import type { Dispatcher } from 'undici';
import { FetchError } from '../model/index.ts';
import type { FetchSettings, Validators } from '../model/index.ts';
import { literalCheck } from './address-guard.ts';
import { readBody } from './body.ts';
import { createAgent, discardBody, headerValue, requestHeaders, sendRequest, timeoutsFor } from './client.ts';
import type { HopResponse, Timeouts } from './client.ts';
import { timeoutError, toFetchError } from './errors.ts';
import { HostLimiter, HostTrippedError } from './host-limiter.ts';
import type { Release } from './host-limiter.ts';
import { followRedirects } from './redirects.ts';
import type { FinalResponse } from './redirects.ts';
import { parseMaxAge, parseRetryAfter } from './schedule.ts';
import type { FetchRequest, FetchResult, HttpClient } from './types.ts';

/** What every fetch of one client shares. */
interface Context {
  agent: Dispatcher;
  /** The address guard's check of IP-literal URLs, when the guard is on. */
  checkLiteral: ((url: URL) => void) | undefined;
  hosts: HostLimiter;
  settings: FetchSettings;
  timeouts: Timeouts;
}

/** A client with one connection pool for the whole run; the pipeline bounds how many feeds run at once. */
export function createHttpClient(settings: FetchSettings): HttpClient {
  const timeouts = timeoutsFor(settings);
  const agent = createAgent(settings, timeouts);
  const hosts = new HostLimiter(settings.perHostConnections);
  const context: Context = { agent, checkLiteral: literalCheck(settings), hosts, settings, timeouts };
  return {
    fetchFeed: (request) => fetchFeed(context, request),
    close: () => agent.close(),
  };
}

async function fetchFeed(context: Context, request: FetchRequest): Promise<FetchResult> {
  const start = parseFeedUrl(request.url);
  const headers = requestHeaders(context.settings, request.validators);
  const own = { ...headers, ...ownHeaders(request) };
  // One deadline for the whole fetch: undici's own timeouts are per phase and restart on every hop.
  // Its clock starts once the first host slot is ours: waiting behind a host's other feeds is not
  // this feed's slowness, and a host that hangs trips the limiter's breaker instead.
  const deadline = new AbortController();
  const stop = (): void => deadline.abort();
  if (request.signal?.aborted === true) stop();
  request.signal?.addEventListener('abort', stop, { once: true });
  let timer: NodeJS.Timeout | undefined;
  let current = start;
  // The host slot of the hop in progress: a redirect hop's body is drained before the next hop
  // is sent, so its slot is given back then; the last one when the fetch ends, however it ends.
  let held: Release | undefined;
  try {
    // The validators came from the final URL of the last fetch, so every hop carries them:
    // a feed that moved with a permanent redirect still gets its 304s.
    const final = await followRedirects(start, async (url) => {
      current = url;
      context.checkLiteral?.(url);
      held?.();
      held = undefined;
      held = await context.hosts.acquire(url.hostname, timer === undefined && request.signal === undefined ? undefined : deadline.signal);
      timer ??= setTimeout(() => deadline.abort(), context.timeouts.totalMs);
      // Credentials and the feed's own headers go to its origin only, never to where it redirects.
      const send = (): Promise<HopResponse> =>
        sendRequest(context.agent, url, url.origin === start.origin ? own : headers, deadline.signal);
      try {
        return await send();
      } catch (error) {
        // A kept-alive connection the server closed just as we reused it fails before any response;
        // a GET can safely go once more, on a fresh connection.
        if (deadline.signal.aborted || !closedBeforeResponse(error)) throw error;
        return send();
      }
    });
    return await interpret(final, request.validators, context.settings.maxBytes, describe(request.url, start, final.url));
  } catch (error) {
    const where = describe(request.url, start, current);
    if (error instanceof HostTrippedError) {
      const message = `fetch: ${where} was not fetched: its host ${error.host} timed out on ${error.firstUrl} earlier in this run (feed kept; it is tried again after a backoff)`;
      throw new FetchError('timeout', message, { cause: error });
    }
    if (error instanceof FetchError) throw error;
    // The caller's deadline, not this host's slowness: no breaker trip, and the message says so.
    if (request.signal?.aborted === true) {
      throw new FetchError('timeout', `fetch: ${where} was stopped: the time the run gives it ran out (tried again next run)`, { cause: error });
    }
    // Whatever undici or zlib reports once the deadline fired, the cause is the deadline.
    const failure = deadline.signal.aborted
      ? timeoutError(where, 'total', context.timeouts.totalMs, error)
      : toFetchError(error, where, current.hostname, context.timeouts);
    if (failure.code === 'timeout') context.hosts.trip(current.hostname, current.href);
    throw failure;
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', stop);
    held?.();
  }
}

/** Codes of a connection that closed under a request before its response began. */
const CLOSED_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

function closedBeforeResponse(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && CLOSED_CODES.has(String(error.code));
}

/** The headers only the feed's own origin gets: its configured extras and basic auth. */
function ownHeaders(request: FetchRequest): Record<string, string> {
  const extra: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) extra[name.toLowerCase()] = value;
  if (request.auth !== undefined) {
    const token = Buffer.from(`${request.auth.username}:${request.auth.password}`).toString('base64');
    extra.authorization = `Basic ${token}`;
  }
  return extra;
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
    return { kind: 'not-modified', url: url.href, httpStatus: 304, validators, redirects, ...maxAgeOf(response) };
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
      ...maxAgeOf(response),
    };
  }
  await discardBody(response);
  const text = response.statusText || STATUS_CODES[status] || 'Unknown';
  // https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3: only these statuses ask us to come back later.
  const retryAfter = status === 429 || status === 503 ? parseRetryAfter(headerValue(response, 'retry-after'), new Date()) : undefined;
  const when = retryAfter === undefined ? '' : `; it asks to be fetched again after ${retryAfter.toISOString()}`;
  throw new FetchError('http-status', `fetch: ${where} answered HTTP ${status} ${text} (feed kept; ${statusHint(status)}${when})`, {
    httpStatus: status,
    ...(retryAfter === undefined ? {} : { retryAfter }),
  });
}

/** Cache-Control max-age as a result field, left out when absent. */
function maxAgeOf(response: HopResponse): { maxAgeSeconds?: number } {
  const maxAge = parseMaxAge(headerValue(response, 'cache-control'));
  return maxAge === undefined ? {} : { maxAgeSeconds: maxAge };
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
  if (status === 410) return 'the feed is gone and is no longer fetched; find its new URL or remove it from planet.toml, or pass --force';
  if (status === 429) return 'the server asks us to slow down';
  if (status >= 500) return 'a server error; it is tried again after a backoff';
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
