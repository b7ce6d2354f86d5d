// TypeScript plugins are Planet's answer to Venus's filter programs. Venus piped every entry, as
// Atom XML, through Python, XSLT or sed programs; Planet does not run those: each is arbitrary
// code run once per post with the planet's rights, and they need Venus's Python 2 runtime. A
// plugin is code too, but one the maintainer chose to import, in-process, typed, on the model's
// Entry (the INI reader warns for every Venus filter program and points here).
import { pathToFileURL } from 'node:url';
import type { Entry, FeedConfig } from '../model/index.ts';
import { FilterError } from '../model/index.ts';

/** What a plugin's `filterEntry` is given beside the entry. */
export interface PluginContext {
  /** The feed the entry came from, as configured. */
  feed: FeedConfig;
}

/** A plugin's one export: the entry (possibly changed) to keep it, null or false to drop it. */
export type FilterEntry = (entry: Entry, ctx: PluginContext) => Entry | null | false | Promise<Entry | null | false>;

// A module is imported once per process (import() caches it anyway); the map keeps the checked function.
const loaded = new Map<string, Promise<FilterEntry>>();

/** Imports a plugin module and checks it exports `filterEntry`; throws FilterError naming the file and the feed. */
export function loadPlugin(path: string, feed: FeedConfig): Promise<FilterEntry> {
  let plugin = loaded.get(path);
  if (plugin === undefined) {
    plugin = importPlugin(path);
    loaded.set(path, plugin);
    // A failed import is retried next run rather than remembered (the file may be fixed meanwhile).
    plugin.catch(() => loaded.delete(path));
  }
  return plugin.catch((error: unknown) => {
    throw new FilterError('filter-plugin', `filter: plugin ${path} (feed ${feed.url}): ${message(error)}`, { cause: error });
  });
}

async function importPlugin(path: string): Promise<FilterEntry> {
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`cannot be loaded: ${message(error)}; fix the module or remove it from plugins`, { cause: error });
  }
  const filterEntry = module.filterEntry;
  if (typeof filterEntry !== 'function') {
    throw new Error('exports no filterEntry function; export `function filterEntry(entry, ctx)` returning the entry, or null to drop it');
  }
  return filterEntry as FilterEntry;
}

/** Runs one plugin on one entry: the entry to keep, or undefined to drop it. */
export async function runPlugin(path: string, entry: Entry, ctx: PluginContext): Promise<Entry | undefined> {
  const filterEntry = await loadPlugin(path, ctx.feed);
  let result: unknown;
  try {
    // Plugins get a copy, so one that changes its argument and then drops it changes nothing.
    result = await filterEntry(structuredClone(entry), ctx);
  } catch (error) {
    throw new FilterError('filter-plugin', `filter: plugin ${path} threw on entry ${entry.id} of feed ${ctx.feed.url}: ${message(error)}`, { cause: error });
  }
  if (result === null || result === false) return undefined;
  if (typeof result === 'object' && typeof (result as Entry).id === 'string') return result as Entry;
  throw new FilterError(
    'filter-plugin',
    `filter: plugin ${path} returned ${result === undefined ? 'nothing' : typeof result} for entry ${entry.id} of feed ${ctx.feed.url}; return the entry (possibly changed), or null to drop it`,
  );
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
