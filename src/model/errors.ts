/** The stage of the pipeline an error came from; it starts every message. */
export type Stage = 'config' | 'fetch' | 'parse' | 'sanitize' | 'store' | 'render' | 'publish' | 'cli' | 'filter' | 'readinglist';

/** Error codes, by stage. Stored on feed rows and printed, so they are part of the interface. */
export type ConfigErrorCode = 'config-not-found' | 'config-syntax' | 'config-invalid';
export type FetchErrorCode =
  | 'bad-url'
  | 'dns'
  | 'connection-refused'
  | 'connection-reset'
  | 'network'
  | 'timeout'
  | 'http-status'
  | 'too-large'
  | 'bad-encoding'
  | 'too-many-redirects'
  | 'blocked-address';
export type ParseErrorCode = 'not-a-feed' | 'html-not-feed' | 'empty';
export type StoreErrorCode = 'store-open' | 'store-migrate' | 'store-query';
export type RenderErrorCode = 'theme-not-found' | 'theme-invalid' | 'template';
export type PublishErrorCode = 'publish-failed';
export type CliErrorCode = 'usage' | 'exists';
/** A filter plugin failed to load or threw; a reading list could not be read or parsed. */
export type FilterErrorCode = 'filter-plugin';
export type ReadingListErrorCode = 'reading-list';

export type ErrorCode =
  | ConfigErrorCode
  | FetchErrorCode
  | ParseErrorCode
  | StoreErrorCode
  | RenderErrorCode
  | PublishErrorCode
  | CliErrorCode
  | FilterErrorCode
  | ReadingListErrorCode
  | 'internal';

/**
 * The one error type of Planet: a stage, a code and a message that says what to do.
 * Stages throw their subclass; the pipeline catches once per feed and stores `code`.
 */
export class PlanetError extends Error {
  readonly stage: Stage;
  readonly code: ErrorCode;

  constructor(stage: Stage, code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PlanetError';
    this.stage = stage;
    this.code = code;
  }
}

export class ConfigError extends PlanetError {
  constructor(code: ConfigErrorCode, message: string, options?: { cause?: unknown }) {
    super('config', code, message, options);
    this.name = 'ConfigError';
  }
}

export class FetchError extends PlanetError {
  /** The HTTP status, when the server answered. */
  readonly httpStatus: number | undefined;
  /** When the server asked us to come back (Retry-After on a 429 or 503). */
  readonly retryAfter: Date | undefined;

  constructor(
    code: FetchErrorCode,
    message: string,
    options?: { cause?: unknown; httpStatus?: number; retryAfter?: Date },
  ) {
    super('fetch', code, message, options);
    this.name = 'FetchError';
    this.httpStatus = options?.httpStatus;
    this.retryAfter = options?.retryAfter;
  }
}

export class ParseError extends PlanetError {
  constructor(code: ParseErrorCode, message: string, options?: { cause?: unknown }) {
    super('parse', code, message, options);
    this.name = 'ParseError';
  }
}

export class StoreError extends PlanetError {
  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super('store', code, message, options);
    this.name = 'StoreError';
  }
}

export class RenderError extends PlanetError {
  constructor(code: RenderErrorCode, message: string, options?: { cause?: unknown }) {
    super('render', code, message, options);
    this.name = 'RenderError';
  }
}

export class PublishError extends PlanetError {
  constructor(code: PublishErrorCode, message: string, options?: { cause?: unknown }) {
    super('publish', code, message, options);
    this.name = 'PublishError';
  }
}

/** A filter plugin failed: it fails only the feed being filtered (its stored entries are kept). */
export class FilterError extends PlanetError {
  constructor(code: FilterErrorCode, message: string, options?: { cause?: unknown }) {
    super('filter', code, message, options);
    this.name = 'FilterError';
  }
}

/** A reading list could not be fetched or read; never fatal, the last good copy is used. */
export class ReadingListError extends PlanetError {
  constructor(code: ReadingListErrorCode, message: string, options?: { cause?: unknown }) {
    super('readinglist', code, message, options);
    this.name = 'ReadingListError';
  }
}

/** Any thrown value as a {code, message} pair fit to store on a feed row. */
export function toErrorRecord(error: unknown): { code: ErrorCode; message: string } {
  if (error instanceof PlanetError) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `internal error: ${message}` };
}
