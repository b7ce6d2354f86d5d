import { Agent, EnvHttpProxyAgent, request } from 'undici';
import type { Dispatcher } from 'undici';
import type { FetchSettings, Validators } from '../model/index.ts';
import { createConnector } from './connector.ts';

/** Feed types first; anything else still accepted, since many feeds are served as text/html or octet-stream. */
const ACCEPT = 'application/atom+xml, application/rss+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8';

/** Exactly the codings body.ts can decode. */
const ACCEPT_ENCODING = 'gzip, deflate, br';

/** undici's own default; a feed that needs longer than this to accept a connection is down. */
const MAX_CONNECT_MS = 10_000;

/** The limits one fetch runs under, in milliseconds. */
export interface Timeouts {
  /** To open a connection. */
  connectMs: number;
  /** From sending a request to its response headers. */
  headersMs: number;
  /** The longest silence while a body arrives. */
  bodyMs: number;
  /** The whole fetch: every redirect hop and the body. */
  totalMs: number;
}

/** A response as undici hands it over; its body must be read or discarded to free the connection. */
export type HopResponse = Dispatcher.ResponseData;

/** The per-phase limits, none longer than the whole fetch may take. */
export function timeoutsFor(settings: FetchSettings): Timeouts {
  const totalMs = settings.timeoutMs;
  return { connectMs: Math.min(MAX_CONNECT_MS, totalMs), headersMs: totalMs, bodyMs: totalMs, totalMs };
}

/**
 * The one connection pool of a run, holding at most `perHostConnections` connections per origin
 * (HostLimiter counts per host on top). HTTP_PROXY / HTTPS_PROXY / NO_PROXY are honoured when set.
 */
export function createAgent(settings: FetchSettings, timeouts: Timeouts): Dispatcher {
  const options = {
    connections: settings.perHostConnections,
    connect: createConnector(timeouts.connectMs, settings),
    headersTimeout: timeouts.headersMs,
    bodyTimeout: timeouts.bodyMs,
  };
  const env = process.env;
  const proxied = [env.http_proxy, env.HTTP_PROXY, env.https_proxy, env.HTTPS_PROXY].some((value) => value !== undefined && value !== '');
  return proxied ? new EnvHttpProxyAgent(options) : new Agent(options);
}

/** The headers every request of a feed's fetch carries, conditional ones included when we have validators. */
export function requestHeaders(settings: FetchSettings, validators: Validators): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': settings.userAgent,
    accept: ACCEPT,
    'accept-encoding': ACCEPT_ENCODING,
  };
  if (validators.etag !== undefined) headers['if-none-match'] = validators.etag;
  if (validators.lastModified !== undefined) headers['if-modified-since'] = validators.lastModified;
  return headers;
}

/** Sends one GET and returns at the response headers; redirects are left to redirects.ts. */
export function sendRequest(
  agent: Dispatcher,
  url: URL,
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<HopResponse> {
  return request(url, { dispatcher: agent, method: 'GET', headers, signal });
}

/** One header's value; a repeated header counts by its first occurrence. */
export function headerValue(response: HopResponse, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Drops a body we will not read at all; undici closes its connection rather than wait for it. */
export function abandonBody(response: HopResponse): void {
  // undici reports the destroy as a "Request aborted" error on the body, which is the point here.
  response.body.on('error', () => undefined).destroy();
}

/** Reads and drops a (small) body we do not need, so its connection goes back to the pool. */
export async function discardBody(response: HopResponse): Promise<void> {
  // A failure here (socket closed while draining) cannot change the outcome we already have;
  // undici then closes that connection instead of reusing it.
  await response.body.dump().catch(() => undefined);
}
