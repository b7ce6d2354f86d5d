import type { Person, TextDetail } from '../model/index.ts';
import { joinUrl, safeAbsoluteUrl } from './feedparser-shape/uri.ts';
import { parsePersonString } from './person.ts';
import type { ParseContext } from './warnings.ts';
import type { XmlElement } from './xml/tree.ts';

/** The xml:lang in scope at the element, else the document's Content-Language. */
export function langOf(element: XmlElement, context: ParseContext): string | undefined {
  for (let at: XmlElement | undefined = element; at; at = at.parent) {
    const lang = at.attrs['xml:lang'];
    // feedparser writes en_US as en-US.
    if (lang !== undefined) return lang.trim() === '' ? context.language : lang.trim().replaceAll('_', '-');
  }
  return context.language;
}

/** The base URL in scope: xml:base attributes joined outward-in onto the document's base, as written. */
export function baseOf(element: XmlElement, context: ParseContext): string {
  const chain: string[] = [];
  for (let at: XmlElement | undefined = element; at; at = at.parent) {
    // CDF writes its base as a BASE attribute.
    const value = at.attrs['xml:base'] ?? at.attrs.BASE;
    if (value !== undefined) chain.push(value.trim());
  }
  let base = context.documentBase;
  for (let index = chain.length - 1; index >= 0; index--) {
    // An xml:base with an unsafe scheme (javascript:) is ignored, leaving the outer base in force.
    base = safeAbsoluteUrl(base, chain[index] ?? '') || (base === '' ? '' : base);
  }
  return base;
}

/** A text construct read from an element: its value with the type, language and base in scope. */
export function detailOf(element: XmlElement, type: string, value: string, context: ParseContext): TextDetail {
  const detail: TextDetail = { type, value, base: baseOf(element, context) };
  const language = langOf(element, context);
  if (language !== undefined) detail.language = language;
  return detail;
}

/** A URL reference resolved against the base in scope at the element, as written otherwise. */
export function uriAt(element: XmlElement, value: string, context: ParseContext): string {
  return joinUrl(baseOf(element, context), value.trim());
}

/** A person from an RSS-style string, or undefined when it is blank. */
export function personOf(text: string): Person | undefined {
  return parsePersonString(text);
}

type EntryOnlyKey = 'source' | 'contents' | 'summaryDetail' | 'comments' | 'statedId' | 'guidIsLink';
const ENTRY_ONLY: readonly EntryOnlyKey[] = ['source', 'contents', 'summaryDetail', 'comments', 'statedId', 'guidIsLink'];

/** A detail record without the keys only entries have, to merge into a feed (or a source feed). */
export function feedPart<T extends Partial<Record<EntryOnlyKey, unknown>>>(detail: T): Omit<T, EntryOnlyKey> {
  const copy = { ...detail };
  for (const key of ENTRY_ONLY) delete copy[key];
  return copy;
}
