import { htmlText } from '../filter/index.ts';
import type { FutureDates, ParsedFeed } from '../model/index.ts';
import type { CheckedEntry } from './check-feed.ts';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

// The most frequent English words: in English prose they are a third of all words or more;
// in other languages they are rare. A guess, used only when the feed states no language.
const ENGLISH_WORDS = new Set('the and of to a in is it that for on with this as are was be by i you at not or from have but'.split(' '));
const ENOUGH_WORDS = 30;

/** The share of common English words in a text; undefined when it is too short to judge. */
export function englishShare(text: string): number | undefined {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < ENOUGH_WORDS) return undefined;
  return words.filter((word) => ENGLISH_WORDS.has(word)).length / words.length;
}

/** Why an English planet may not want this feed's language, if it may not. */
function languageWarning(parsed: ParsedFeed, locale: string): string | undefined {
  if (!/^en\b/i.test(locale)) return undefined;
  const stated = parsed.language ?? parsed.entries.find((entry) => entry.language !== undefined)?.language;
  if (stated !== undefined) {
    return /^en\b/i.test(stated) ? undefined : `the feed's language is "${stated}", the planet's locale is "${locale}"`;
  }
  const text = parsed.entries.map((entry) => `${entry.title ?? ''} ${htmlText(entry.content ?? entry.summary ?? '')}`).join(' ');
  const share = englishShare(text);
  return share !== undefined && share < 0.08
    ? `the entries do not look English (the feed states no language), the planet's locale is "${locale}"`
    : undefined;
}

const futureAdvice: Record<FutureDates, string> = {
  ignore_date: 'each is placed at the time the planet first sees it (future_dates = "ignore_date")',
  keep: 'each is kept at its date, at the top of the river until that date has passed (future_dates = "keep")',
  ignore_entry: 'each is left out until its date comes (future_dates = "ignore_entry")',
};

/** What a maintainer should know before subscribing: dates, content, language, validity. */
export function feedWarnings(parsed: ParsedFeed, entries: readonly CheckedEntry[], locale: string, futureDates: FutureDates): string[] {
  const warnings: string[] = [];
  const total = entries.length;
  if (parsed.entries.length === 0) warnings.push('the feed has no entries: nothing would appear on the planet yet');
  const undated = entries.filter((entry) => entry.placement === 'undated').length;
  if (undated > 0) {
    const which = undated === total ? 'no entry has a date' : `${undated} of ${total} entries have no date`;
    warnings.push(`${which}: each is placed at the time the planet first sees it, so they all show up as new at once`);
  }
  const future = entries.filter((entry) => entry.placement.startsWith('future'));
  if (future.length > 0) {
    const latest = new Date(Math.max(...future.map((entry) => entry.claimed?.getTime() ?? 0)));
    warnings.push(`${plural(future.length, 'entry is', 'entries are')} dated in the future (up to ${latest.toISOString()}): ${futureAdvice[futureDates]}`);
  }
  if (parsed.entries.length > 0 && parsed.entries.every((entry) => entry.content === undefined)) {
    warnings.push('summary-only feed: no entry carries its full content, so the planet shows summaries and readers click through for the rest');
  }
  const language = languageWarning(parsed, locale);
  if (language !== undefined) warnings.push(language);
  if (parsed.malformed !== undefined) warnings.push(`the feed is not well-formed (${parsed.malformed}); Planet reads it anyway, other readers may not`);
  for (const warning of parsed.warnings) warnings.push(`parser: ${warning}`);
  return warnings;
}
