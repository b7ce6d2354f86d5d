import { FetchError } from '../model/index.ts';
import { BLOCKED_CODE } from './address-guard.ts';
import type { Timeouts } from './client.ts';

/** Which limit a fetch ran into. */
export type TimeoutKind = 'total' | 'connect' | 'headers' | 'body';

const TIMEOUT_WHAT: Record<TimeoutKind, string> = {
  total: '',
  connect: ' while connecting',
  headers: ' waiting for the response',
  body: ' waiting for more of the body',
};

/** Node's resolver codes (getaddrinfo), see https://nodejs.org/api/dns.html#error-codes. */
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME', 'ENODATA']);

/** Codes for a connection the other side (or something between) closed under us. */
const RESET_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
]);

/** Node's TLS and certificate codes (ERR_SSL_..., ERR_TLS_..., CERT_HAS_EXPIRED, SELF_SIGNED_CERT_IN_CHAIN, ...). */
const TLS_CODE = /^ERR_(SSL|TLS)_|CERT/;

/** Milliseconds as a person reads them: 20000 -> "20 s", 250 -> "0.25 s". */
export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}

/** The FetchError for a fetch that ran into one of its time limits. */
export function timeoutError(where: string, kind: TimeoutKind, ms: number, cause?: unknown): FetchError {
  const message = `fetch: ${where} timed out after ${formatSeconds(ms)}${TIMEOUT_WHAT[kind]} (feed kept; raise fetch.timeout in planet.toml if the server is only slow)`;
  return new FetchError('timeout', message, { cause });
}

/** Maps an error from undici or Node's sockets to the FetchError a feed row stores. */
export function toFetchError(error: unknown, where: string, host: string, timeouts: Timeouts): FetchError {
  const codes = errorCodes(error);
  const has = (...wanted: string[]): boolean => wanted.some((code) => codes.includes(code));

  if (has(BLOCKED_CODE)) {
    const blocked = findCause(error, (e) => 'code' in e && e.code === BLOCKED_CODE);
    const message = `fetch: ${where} was refused: ${blocked?.message ?? host} and [fetch] allow_private_networks is false (feed kept; add the host to [fetch] allow_hosts in planet.toml if you trust it)`;
    return new FetchError('blocked-address', message, { cause: error });
  }
  if (has('UND_ERR_CONNECT_TIMEOUT')) return timeoutError(where, 'connect', timeouts.connectMs, error);
  if (has('UND_ERR_HEADERS_TIMEOUT')) return timeoutError(where, 'headers', timeouts.headersMs, error);
  if (has('UND_ERR_BODY_TIMEOUT')) return timeoutError(where, 'body', timeouts.bodyMs, error);
  if (has('ETIMEDOUT')) return timeoutError(where, 'connect', timeouts.connectMs, error);
  if (codes.some((code) => DNS_CODES.has(code))) {
    const message = `fetch: ${where}: the host name ${host} could not be resolved (feed kept; check the URL in planet.toml)`;
    return new FetchError('dns', message, { cause: error });
  }
  if (has('ECONNREFUSED')) {
    const message = `fetch: ${where} refused the connection (feed kept; the server may be down, or the port is wrong)`;
    return new FetchError('connection-refused', message, { cause: error });
  }
  if (codes.some((code) => RESET_CODES.has(code))) {
    const message = `fetch: ${where} closed the connection before the response was complete (feed kept; it is tried again after a backoff)`;
    return new FetchError('connection-reset', message, { cause: error });
  }
  const detail = error instanceof Error ? error.message : String(error);
  const code = codes[0] === undefined ? '' : ` [${codes[0]}]`;
  if (codes.some((c) => TLS_CODE.test(c))) {
    // OpenSSL's message is a line of internals; its `reason` is the readable part.
    const reason = typeof error === 'object' && error !== null && 'reason' in error ? String(error.reason) : detail;
    const message = `fetch: ${where}: the TLS connection failed: ${reason}${code} (feed kept; check the site's certificate, or whether it serves https at all)`;
    return new FetchError('network', message, { cause: error });
  }
  return new FetchError('network', `fetch: ${where} failed: ${detail}${code} (feed kept; it is tried again after a backoff)`, {
    cause: error,
  });
}

/** The first error in the cause chain (and AggregateError members) that `test` accepts. */
function findCause(error: unknown, test: (error: Error) => boolean, depth = 0): Error | undefined {
  if (!(error instanceof Error) || depth > 4) return undefined;
  if (test(error)) return error;
  const members = error instanceof AggregateError ? error.errors : [];
  for (const inner of [...members, error.cause]) {
    const found = findCause(inner, test, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Every string `code` on the error, its causes and, for an AggregateError (Node's happy-eyeballs
 * connect tries each address), its members: the code that matters is not always on the outside.
 */
function errorCodes(error: unknown, depth = 0): string[] {
  if (typeof error !== 'object' || error === null || depth > 4) return [];
  const own = 'code' in error && typeof error.code === 'string' ? [error.code] : [];
  const members = error instanceof AggregateError ? error.errors.flatMap((e) => errorCodes(e, depth + 1)) : [];
  const cause = 'cause' in error ? errorCodes(error.cause, depth + 1) : [];
  return [...own, ...members, ...cause];
}
