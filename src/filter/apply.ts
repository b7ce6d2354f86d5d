import type { Entry, FeedConfig, FilterSettings } from '../model/index.ts';
import { venusExcerpt } from './excerpt.ts';
import { runPlugin } from './plugins.ts';
import { entryText } from './text.ts';

/** An entry a filter left out, and which filter did, in words an author can act on. */
export interface DroppedEntry {
  entry: Entry;
  reason: string;
}

/** The entries a feed keeps after filtering, in their order, and the ones dropped. */
export interface FilterResult {
  kept: Entry[];
  dropped: DroppedEntry[];
}

/** Whether any filter would act: callers skip the work (and the copies) otherwise. */
export function hasFilters(settings: FilterSettings | undefined): boolean {
  if (settings === undefined) return false;
  const { filter, exclude, includeTags, excludeTags, excerpt, plugins } = settings;
  return filter !== undefined || exclude !== undefined || (includeTags?.length ?? 0) > 0 || (excludeTags?.length ?? 0) > 0 ||
    (excerpt ?? 0) > 0 || (plugins?.length ?? 0) > 0;
}

/**
 * Filters one feed's entries. `settings` are the planet's `[filters]`; `ctx.feed.filters` the
 * feed's own. As in Planet 2.0 both levels apply: an entry must pass the planet's filters and then
 * the feed's (regexes are case-insensitive and searched in the title and in the content text).
 * Order: regex filter, exclude, include_tags, exclude_tags, plugins (planet's, then the feed's),
 * then the excerpt (the feed's width, else the planet's). Throws FilterError when a plugin
 * fails, which fails only this feed.
 */
export async function applyFilters(entries: readonly Entry[], settings: FilterSettings, ctx: { feed: FeedConfig }): Promise<FilterResult> {
  const levels: [string, FilterSettings][] = [['[filters]', settings]];
  if (ctx.feed.filters !== undefined) levels.push([`[[feeds]] ${ctx.feed.url}`, ctx.feed.filters]);
  const excerpt = ctx.feed.filters?.excerpt ?? settings.excerpt ?? 0;
  const kept: Entry[] = [];
  const dropped: DroppedEntry[] = [];
  for (const original of entries) {
    let entry: Entry | undefined = original;
    let reason: string | undefined;
    for (const [where, level] of levels) {
      reason = matchReason(entry, level, where);
      if (reason !== undefined) break;
      for (const plugin of level.plugins ?? []) {
        entry = await runPlugin(plugin, entry, { feed: ctx.feed });
        if (entry === undefined) {
          reason = `plugin ${plugin} (${where}) dropped it`;
          break;
        }
      }
      if (entry === undefined) break;
    }
    if (entry === undefined || reason !== undefined) dropped.push({ entry: original, reason: reason ?? 'dropped' });
    else kept.push(excerpt > 0 ? withExcerpt(entry, excerpt) : entry);
  }
  return { kept, dropped };
}

/** Why the regex and tag filters of one level drop the entry; undefined when it passes. */
export function matchReason(entry: Entry, level: FilterSettings, where: string): string | undefined {
  if (level.filter !== undefined || level.exclude !== undefined) {
    const { title, body } = entryText(entry);
    const found = (source: string): boolean => {
      const pattern = compiled(source);
      return pattern.test(title) || pattern.test(body);
    };
    if (level.filter !== undefined && !found(level.filter)) return `its title and content do not match filter /${level.filter}/ (${where})`;
    if (level.exclude !== undefined && found(level.exclude)) return `its title or content matches exclude /${level.exclude}/ (${where})`;
  }
  const tags = categoryNames(entry);
  if (level.includeTags !== undefined && level.includeTags.length > 0) {
    const wanted = level.includeTags.map((tag) => tag.toLowerCase());
    if (!wanted.some((tag) => tags.has(tag))) {
      const had = tags.size === 0 ? 'it has no categories' : `its categories are ${[...tags].join(', ')}`;
      return `include_tags ${level.includeTags.join(', ')} (${where}): ${had}`;
    }
  }
  for (const tag of level.excludeTags ?? []) {
    if (tags.has(tag.toLowerCase())) return `it has category "${tag}", in exclude_tags (${where})`;
  }
  return undefined;
}

// Patterns are compiled once per process, not once per entry (the same few come from the config).
const patterns = new Map<string, RegExp>();

/** The config's regex source as a case-insensitive RegExp (no g flag: test() keeps no state). */
function compiled(source: string): RegExp {
  let pattern = patterns.get(source);
  if (pattern === undefined) {
    pattern = new RegExp(source, 'i');
    patterns.set(source, pattern);
  }
  return pattern;
}

/** Every category term and label of the entry, lower-cased (tags are matched without case). */
function categoryNames(entry: Entry): Set<string> {
  const names = new Set<string>();
  for (const category of entry.categories ?? []) {
    for (const name of [category.term, category.label]) if (name !== undefined && name.trim() !== '') names.add(name.trim().toLowerCase());
  }
  return names;
}

/**
 * Venus adds the excerpt beside the content (planet:excerpt) rather than replacing it. Here it
 * becomes the summary, and the content keeps the full text: a summary-only entry gets its full
 * summary as content, so nothing is lost and themes showing summaries show the excerpt.
 */
function withExcerpt(entry: Entry, width: number): Entry {
  const source = entry.summary ?? entry.content;
  if (source === undefined) return entry;
  return { ...entry, content: entry.content ?? source, summary: venusExcerpt(source, width) };
}
