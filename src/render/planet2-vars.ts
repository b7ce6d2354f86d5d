/*
 * The variables Planet 2.0 gives its htmltmpl templates (planet/__init__.py, template_info and
 * generate_all_files), built from the render view model. Names and meanings follow Planet 2.0:
 *
 *   top level  name, link, owner_name, owner_email, generator, url (this output's URL),
 *              date / date_iso / date_822 (when the planet last fetched), Items, Channels
 *   Channels   one per subscription, by name, `hidden` ones too (Planet 2.0's
 *              gather_channel_info lists every channel): name, title, title_plain, url (the
 *              feed), link (its site), message (why it is failing or quiet), and every `extra`
 *              key (face...)
 *   Items      the front page's entries, newest first (none of a `hidden` feed): id, title, title_plain, link,
 *              guid_isPermaLink (Venus: "true" when the id is the link), content,
 *              summary, author, author_name, author_email, date / date_iso / date_822, new_date
 *              (the day, on the first entry of each day), new_channel (the feed URL, on the first
 *              entry of a run of one feed's entries, or of a day), and channel_<key> for every key
 *              of its channel
 *
 * Values are HTML, as Planet 2.0's were: text from feeds and the config (names, titles,
 * authors) is escaped once, content is the sanitized HTML, URLs are normalised absolute http(s)
 * URLs (no `"`, `<` or `>`) and ids carry no `<`, `>` or `"`, so `<TMPL_VAR x>` is safe in HTML.
 * URLs and ids keep their `&`, as in Planet 2.0 whose templates print them with ESCAPE="HTML".
 * `title_plain` is plain text: print it with ESCAPE="HTML". `extra` keys are the config's text.
 */
import { escapeHtml } from './htmltmpl/index.ts';
import type { TemplateRecord } from './htmltmpl/index.ts';
import type { Strftime } from './strftime.ts';
import type { EntryView, FeedView, SiteView } from './view-model.ts';

/** The settings the Planet 2.0 variables depend on. */
export interface Planet2Settings {
  /** strftime patterns of `date` and `new_date`. */
  dateFormat: string;
  newDateFormat: string;
  /** Days without an entry after which a channel's message says so; 0 or absent: never. */
  activityThreshold?: number;
  /**
   * Items taken from the whole river with these limits (a template's own items_per_page and
   * days_per_page); absent: the front page's entries.
   */
  paging?: { itemsPerPage: number; daysPerPage: number };
}

/** Planet 2.0's TIMEFMT_ISO and TIMEFMT_822, always in UTC. */
const isoFormat = '%Y-%m-%dT%H:%M:%S+00:00';
const rfc822Format = '%a, %d %b %Y %H:%M:%S +0000';

/**
 * The variables of one output file (`outputName`, e.g. "index.html") of a Planet 2.0 template.
 * `strftime` formats in the planet's zone and locale; `utc` in UTC (for date_iso and date_822).
 */
export function planet2Vars(view: SiteView, outputName: string, settings: Planet2Settings, strftime: Strftime, utc: Strftime): TemplateRecord {
  const channels = new Map<FeedView, TemplateRecord>(view.feeds.map((feed) => [feed, channelVars(feed, settings, view)]));
  const dates = (at: Date, prefix: string): TemplateRecord => ({
    [prefix]: strftime(settings.dateFormat, at),
    [`${prefix}_iso`]: utc(isoFormat, at),
    [`${prefix}_822`]: utc(rfc822Format, at),
  });
  let previousDay: string | undefined;
  let previousFeed: FeedView | undefined;
  const dayOf = (entry: EntryView): string => strftime('%Y-%m-%d', new Date(entry.date.iso));
  const shown = settings.paging === undefined ? (view.pages[0]?.entries ?? view.entries) : firstPage(view.pages.flatMap((page) => page.entries), settings.paging, dayOf);
  const items = shown.map((entry) => {
    const at = new Date(entry.date.iso);
    const day = strftime('%Y-%m-%d', at);
    const newDay = day !== previousDay;
    const newChannel = newDay || entry.source !== previousFeed;
    previousDay = day;
    previousFeed = entry.source;
    const channel = channels.get(entry.source) ?? {};
    return {
      ...Object.fromEntries(Object.entries(channel).map(([key, value]) => [`channel_${key}`, value])),
      ...itemVars(entry),
      ...dates(at, 'date'),
      ...(newDay ? { new_date: strftime(settings.newDateFormat, at) } : {}),
      ...(newChannel ? { new_channel: entry.source.url } : {}),
    };
  });
  const link = view.planet.link;
  const updated = new Date(view.updatedAt.iso);
  return {
    name: escapeHtml(view.planet.name),
    link,
    owner_name: escapeHtml(view.planet.ownerName ?? ''),
    owner_email: escapeHtml(view.planet.ownerEmail ?? ''),
    generator: escapeHtml(view.planet.generator),
    url: URL.canParse(outputName, link) ? new URL(outputName, link).href : outputName,
    ...dates(updated, 'date'),
    Items: items,
    Channels: view.feeds.map((feed) => channels.get(feed) ?? {}),
  };
}

/** The newest entries within `paging`'s limits, as the front page is cut (riverPages). */
function firstPage(river: readonly EntryView[], paging: { itemsPerPage: number; daysPerPage: number }, dayOf: (entry: EntryView) => string): EntryView[] {
  const days = new Set<string>();
  const page: EntryView[] = [];
  for (const entry of river) {
    const day = dayOf(entry);
    if (page.length >= paging.itemsPerPage || (paging.daysPerPage > 0 && !days.has(day) && days.size >= paging.daysPerPage)) break;
    page.push(entry);
    days.add(day);
  }
  return page;
}

function channelVars(feed: FeedView, settings: Planet2Settings, view: SiteView): TemplateRecord {
  const vars: Record<string, string> = {};
  // Extra keys first, so a stray `name` or `url` in the INI cannot replace the real one.
  for (const [key, value] of Object.entries(feed.extra ?? {})) vars[key.toLowerCase()] = value;
  Object.assign(vars, {
    name: escapeHtml(feed.name),
    title: escapeHtml(feed.title),
    // Venus's name for the title as text; print it with ESCAPE="HTML".
    title_plain: feed.title,
    url: cleanUrl(feed.url) ?? '',
    link: cleanUrl(feed.siteLink) ?? '',
  });
  const message = channelMessage(feed, settings.activityThreshold ?? 0, new Date(view.generatedAt.iso));
  if (message !== undefined) vars.message = escapeHtml(message);
  return vars;
}

/** Why a channel deserves a note: its last fetch failed, or (as Planet 2.0's activity_threshold) it went quiet. */
function channelMessage(feed: FeedView, thresholdDays: number, now: Date): string | undefined {
  if (feed.error !== undefined) return feed.error.message;
  if (thresholdDays <= 0) return undefined;
  const horizon = now.getTime() - thresholdDays * 86400000;
  // A hidden feed's newest entry counts too: Planet 2.0 read each channel's own items here.
  return feed.lastEntry === undefined || new Date(feed.lastEntry.iso).getTime() < horizon ? `no activity in ${thresholdDays} days` : undefined;
}

function itemVars(entry: EntryView): TemplateRecord {
  const author = entry.author === undefined ? {} : { author: escapeHtml(entry.author), author_name: escapeHtml(entry.author) };
  const email = entry.authorEmail === undefined ? {} : { author_email: escapeHtml(entry.authorEmail) };
  return {
    // Raw like Planet 2.0's (templates print it with ESCAPE="HTML"), but never markup.
    id: entry.id.replace(/[<>"]/g, (c) => escapeHtml(c)),
    ...(entry.title === undefined ? {} : { title: escapeHtml(entry.title), title_plain: entry.title }),
    link: cleanUrl(entry.link) ?? '',
    // Venus's hint for RSS <guid isPermaLink>.
    guid_isPermaLink: entry.link !== undefined && entry.id === entry.link ? 'true' : 'false',
    content: entry.content,
    summary: entry.summary ?? entry.content,
    ...author,
    ...email,
  };
}

/** The URL re-serialised, which percent-encodes `"`, `<` and `>` so it is safe inside an attribute. */
function cleanUrl(url: string | undefined): string | undefined {
  return url === undefined || !URL.canParse(url) ? undefined : new URL(url).href;
}
