import { decodeHTMLStrict } from 'entities';
import { ACCEPTABLE_ELEMENTS } from './allowlist.ts';

/**
 * Whether a text construct of no declared type reads as HTML, feedparser's way: it needs an
 * end tag or a reference, every tag must be one the sanitizer keeps, every entity defined.
 */
export function looksLikeHtml(text: string): boolean {
  if (!/<\/(\w+)>/.test(text) && !/&#?\w+;/.test(text)) return false;
  for (const [, tag = ''] of text.matchAll(/<\/?(\w+)/g)) {
    if (!ACCEPTABLE_ELEMENTS.has(tag.toLowerCase())) return false;
  }
  for (const [, name = ''] of text.matchAll(/&(\w+);/g)) {
    if (decodeHTMLStrict(`&${name};`) === `&${name};`) return false;
  }
  return true;
}
