export { createHttpClient } from './fetch-feed.ts';
export type { FetchRequest, FetchResult, HttpClient, RedirectHop } from './types.ts';
