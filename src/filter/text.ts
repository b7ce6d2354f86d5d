import { Parser } from 'htmlparser2';
import type { Entry } from '../model/index.ts';

/**
 * The words a reader sees in an HTML fragment: text with tags removed and entities decoded,
 * plus img alt and title attributes (Venus's regexp_sifter counts those as text too), with
 * white space collapsed.
 */
export function htmlText(html: string): string {
  const parts: string[] = [];
  const parser = new Parser({
    ontext: (text) => parts.push(text),
    onopentag: (_name, attributes) => {
      for (const key of ['alt', 'title']) {
        const value = attributes[key];
        if (value !== undefined && value !== '') parts.push(` ${value} `);
      }
    },
    // Block boundaries separate words: "<p>a</p><p>b</p>" is "a b", not "ab".
    onclosetag: () => parts.push(' '),
  });
  parser.write(html);
  parser.end();
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** What the regex filters search: the title and the text of the content, else of the summary. */
export function entryText(entry: Entry): { title: string; body: string } {
  return { title: entry.title ?? '', body: htmlText(entry.content ?? entry.summary ?? '') };
}
