export type { Entry, EntrySource, Person, StoredEntry } from './entry.ts';
export type { Category, FeedImage, Link, TextDetail } from './detail.ts';
export type { FeedErrorRecord, FeedFormat, FeedRecord, ParsedFeed, Validators } from './feed.ts';
export type { DuplicateAttribution, EntrySettings, FeedConfig, FetchSettings, FutureDates, PlanetConfig, PlanetSettings, SanitizeSettings, TemplateOptions } from './config.ts';
export type { HealthSettings } from './config.ts';
export type { EntryOptions, FilterSettings, ReadingListConfig, ReadingListFormat } from './filter.ts';
export { ignorableEntryFields } from './filter.ts';
export type { WatchSettings } from './config.ts';
export {
  ConfigError,
  FetchError,
  FilterError,
  ParseError,
  PlanetError,
  PublishError,
  ReadingListError,
  RenderError,
  StoreError,
  toErrorRecord,
} from './errors.ts';
export type {
  CliErrorCode,
  ConfigErrorCode,
  ErrorCode,
  FetchErrorCode,
  FilterErrorCode,
  ParseErrorCode,
  PublishErrorCode,
  ReadingListErrorCode,
  RenderErrorCode,
  Stage,
  StoreErrorCode,
} from './errors.ts';
export type { FeedHealth, HealthRun, HealthStatus, HealthSuggestion } from './health.ts';
