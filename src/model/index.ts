export type { Entry, Person, StoredEntry } from './entry.ts';
export type { FeedErrorRecord, FeedFormat, FeedRecord, ParsedFeed, Validators } from './feed.ts';
export type { FeedConfig, FetchSettings, PlanetConfig, PlanetSettings } from './config.ts';
export {
  ConfigError,
  FetchError,
  ParseError,
  PlanetError,
  PublishError,
  RenderError,
  StoreError,
  toErrorRecord,
} from './errors.ts';
export type {
  CliErrorCode,
  ConfigErrorCode,
  ErrorCode,
  FetchErrorCode,
  ParseErrorCode,
  PublishErrorCode,
  RenderErrorCode,
  Stage,
  StoreErrorCode,
} from './errors.ts';
