export { createHttpClient } from './fetch-feed.ts';
export type { FetchRequest, FetchResult, HttpClient, RedirectHop } from './types.ts';
export { fetchUrlOf, scheduleAfterFailure, scheduleAfterSuccess, skipReason } from './feed-state.ts';
export type { FeedSchedule, SkipReason } from './feed-state.ts';
export { interleaveByHost } from './host-limiter.ts';
export { permanentMove } from './redirects.ts';
