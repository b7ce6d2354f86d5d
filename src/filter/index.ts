// The filter stage: which entries of a feed reach the store, and Venus's per-feed entry options.
export { applyFilters, hasFilters, matchReason } from './apply.ts';
export type { DroppedEntry, FilterResult } from './apply.ts';
export { applyEntryOptions } from './entry-options.ts';
export type { EntryOptionsContext } from './entry-options.ts';
export { venusExcerpt } from './excerpt.ts';
export { htmlText } from './text.ts';
export type { FilterEntry, PluginContext } from './plugins.ts';
