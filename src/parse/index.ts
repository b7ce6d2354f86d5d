// The parse stage: bytes of a feed document -> ParsedFeed. See docs/architecture.md.
export { parseFeed } from './parse-feed.ts';
export type { ParseOptions } from './parse-feed.ts';
export { detectFormat } from './detect.ts';
export type { DetectedFormat, FormatSniff } from './detect.ts';
export { parseDate } from './dates.ts';
export { addResponseHeaders, feedparserResultOfError, toFeedparserResult } from './feedparser-shape/project.ts';
export type { FpResult } from './feedparser-shape/result.ts';
export { discoverFeeds } from './discover.ts';
export type { DiscoveredFeed } from './discover.ts';
