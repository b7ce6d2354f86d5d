export { buildSite } from './build-site.ts';
export type { BuildReport } from './build-site.ts';
export { refreshFeed } from './refresh-feed.ts';
export type { FeedReport, RefreshContext } from './refresh-feed.ts';
export { updatePlanet } from './update-planet.ts';
export type { UpdateOptions, UpdateReport } from './update-planet.ts';
export { duplicateSubscriptions, entryPolicyFor, expungeOld } from './entry-lifecycle.ts';
export type { DuplicateSubscription } from './entry-lifecycle.ts';
