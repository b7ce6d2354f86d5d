export type { Entry, EntrySource, Person, StoredEntry } from './entry.ts';
export type { Category, FeedImage, Link, TextDetail } from './detail.ts';
export type { FeedErrorRecord, FeedFormat, FeedRecord, ParsedFeed, Validators } from './feed.ts';
export type { DuplicateAttribution, EntrySettings, FeedConfig, FetchSettings, FutureDates, PlanetConfig, PlanetSettings, SanitizeSettings } from './config.ts';
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
export type { FeedHealth, HealthRun, HealthStatus, HealthSuggestion } from './health.ts';
