import type { EntryOptions, ParsedFeed, Stage } from '../model/index.ts';
import { ConfigError, FetchError, FilterError, ParseError, PlanetError, PublishError, ReadingListError, RenderError, StoreError } from '../model/index.ts';
import { parseFeed } from '../parse/index.ts';
import type { SanitizePolicy } from '../sanitize/index.ts';
import { readEntries } from './filter-entries.ts';

/** One fetched body to read: everything a parse worker needs, all of it structured-cloneable. */
export interface ReadRequest {
  body: Uint8Array;
  /** The final URL the body came from: relative links resolve against it. */
  url: string;
  contentType?: string;
  entryOptions?: EntryOptions;
  /** This feed's sanitize policy (the default allowlist when absent); `false` only in tests, see UpdateOptions. */
  sanitize?: SanitizePolicy | false;
}

/**
 * Parses a fetched body and reads its entries (entry options, sanitizer): the CPU-heavy, pure
 * part of refreshing a feed, run inline or in a parse worker. Throws ParseError as parseFeed does.
 */
export function readFeed(request: ReadRequest): ParsedFeed {
  const parsed = parseFeed(request.body, { url: request.url, contentType: request.contentType });
  return { ...parsed, entries: readEntries(parsed, request.url, { entryOptions: request.entryOptions, sanitize: request.sanitize }) };
}

/** A thrown value as plain data, to cross from a worker to the main thread. */
export interface WireError {
  name: string;
  message: string;
  stage?: Stage;
  code?: string;
  httpStatus?: number;
  retryAfter?: Date;
}

/** Flattens an error for postMessage (an Error subclass loses its class in structured clone). */
export function toWireError(error: unknown): WireError {
  if (error instanceof FetchError) return { name: error.name, message: error.message, stage: error.stage, code: error.code, httpStatus: error.httpStatus, retryAfter: error.retryAfter };
  if (error instanceof PlanetError) return { name: error.name, message: error.message, stage: error.stage, code: error.code };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/** The error a worker threw, rebuilt as the same PlanetError subclass with the same code and message. */
export function fromWireError(wire: WireError): Error {
  // The codes were the thrower's own, so the casts only restore what toWireError flattened.
  const code = wire.code as never;
  switch (wire.name) {
    case 'ParseError': return new ParseError(code, wire.message);
    case 'FetchError': return new FetchError(code, wire.message, { httpStatus: wire.httpStatus, retryAfter: wire.retryAfter });
    case 'ConfigError': return new ConfigError(code, wire.message);
    case 'StoreError': return new StoreError(code, wire.message);
    case 'RenderError': return new RenderError(code, wire.message);
    case 'PublishError': return new PublishError(code, wire.message);
    case 'FilterError': return new FilterError(code, wire.message);
    case 'ReadingListError': return new ReadingListError(code, wire.message);
    default:
      if (wire.stage !== undefined && wire.code !== undefined) return new PlanetError(wire.stage, code, wire.message);
      return Object.assign(new Error(wire.message), { name: wire.name });
  }
}
