import type { DateFormatter } from './dates.ts';
import type { DayView, EntryView, FeedView, PageView } from './view-model.ts';

/** An entry view with the moment it is ordered by, which grouping needs. */
export interface DatedEntry {
  view: EntryView;
  at: Date;
}

/** How the river is split into pages. */
export interface Paging {
  itemsPerPage: number;
  /** 0 for no limit. */
  daysPerPage: number;
}

/** From a page's path back to the site root: one "../" per folder. */
function rootOf(href: string): string {
  return '../'.repeat(href.split('/').filter((part) => part !== '').length);
}

/** Groups entries, newest first, by their day in the formatter's zone. */
export function groupByDay(entries: readonly DatedEntry[], dates: DateFormatter): DayView[] {
  const days: DayView[] = [];
  for (const { view, at } of entries) {
    const day = dates.day(at);
    const last = days.at(-1);
    // Entries arrive newest first, so a day's entries are consecutive.
    if (last !== undefined && last.date === day.key) last.entries.push(view);
    else days.push({ date: day.key, label: day.label, entries: [view] });
  }
  return days;
}

function page(kind: PageView['kind'], href: string, title: string, entries: readonly DatedEntry[], dates: DateFormatter): PageView {
  return {
    kind,
    path: `${href}index.html`,
    href,
    root: rootOf(href),
    title,
    entries: entries.map((e) => e.view),
    days: groupByDay(entries, dates),
  };
}

/**
 * The river split into pages of at most `itemsPerPage` entries and `daysPerPage` days: the
 * front page (index.html), then page/2/index.html and on. There is always a front page.
 */
export function riverPages(entries: readonly DatedEntry[], paging: Paging, dates: DateFormatter, planetName: string): PageView[] {
  const chunks: DatedEntry[][] = [];
  let chunk: DatedEntry[] = [];
  let days = new Set<string>();
  for (const entry of entries) {
    const day = dates.day(entry.at).key;
    const full = chunk.length >= paging.itemsPerPage || (paging.daysPerPage > 0 && !days.has(day) && days.size >= paging.daysPerPage);
    if (full) {
      chunks.push(chunk);
      chunk = [];
      days = new Set();
    }
    chunk.push(entry);
    days.add(day);
  }
  if (chunk.length > 0 || chunks.length === 0) chunks.push(chunk);
  const hrefs = chunks.map((_, i) => (i === 0 ? '' : `page/${i + 1}/`));
  return chunks.map((entriesOfPage, i) => ({
    ...page('river', hrefs[i] ?? '', i === 0 ? planetName : `Page ${i + 1}`, entriesOfPage, dates),
    number: i + 1,
    total: chunks.length,
    prev: hrefs[i - 1],
    next: hrefs[i + 1],
  }));
}

/** One page per calendar month in the planet's zone, newest first: archive/YYYY/MM/index.html. */
export function monthPages(entries: readonly DatedEntry[], dates: DateFormatter): PageView[] {
  const months = new Map<string, { label: string; entries: DatedEntry[] }>();
  for (const entry of entries) {
    const month = dates.month(entry.at);
    const bucket = months.get(month.key) ?? { label: month.label, entries: [] };
    bucket.entries.push(entry);
    months.set(month.key, bucket);
  }
  return [...months].map(([key, month]) => page('month', `archive/${key.replace('-', '/')}/`, month.label, month.entries, dates));
}

/** Each feed's own page, with its entries among those given. */
export function feedPage(feed: FeedView, entries: readonly DatedEntry[], dates: DateFormatter): PageView {
  const own = entries.filter((e) => e.view.source === feed);
  return { ...page('feed', feed.href, feed.name, own, dates), feed };
}

/** A folder name for a feed's page: its name in lower-case ASCII words, unique among the feeds. */
export function feedSlug(name: string, taken: Set<string>): string {
  const base =
    name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'feed';
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}
