import { readFileSync } from 'node:fs';
import { parseFeed } from '../parse/index.ts';

/** One entry's HTML from the real-world corpus, with the base its relative URLs resolve against. */
export interface CorpusHtml {
  /** The feed document's path inside ../shared, and the entry's index in it. */
  where: string;
  html: string;
  baseUrl: string;
}

/** ../shared/corpus/realworld/, beside the repository. */
export const realworldDir = new URL('../../../shared/corpus/realworld/', import.meta.url);

interface GoldenLine {
  path: string;
  kind: string;
}

/**
 * Content and summary HTML of every entry our parser reads from the 337 feed documents that
 * feedparser-golden.jsonl lists. Documents our parser rejects are skipped (their HTML never
 * reaches the sanitizer); the file URL stands in as the base, as the pipeline uses the feed URL.
 */
export function loadRealworldHtml(): CorpusHtml[] {
  const golden = readFileSync(new URL('feedparser-golden.jsonl', realworldDir), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as GoldenLine);
  const out: CorpusHtml[] = [];
  for (const { path } of golden) {
    // Paths in the golden file start with "corpus/realworld/".
    const file = new URL(path.replace(/^corpus\/realworld\//, ''), realworldDir);
    const baseUrl = `https://corpus.example/${path}`;
    let entries;
    try {
      entries = parseFeed(readFileSync(file), { url: baseUrl }).entries;
    } catch {
      continue;
    }
    entries.forEach((entry, i) => {
      for (const html of [entry.content, entry.summary]) {
        if (html !== undefined && html.trim() !== '') out.push({ where: `${path}#${i}`, html, baseUrl: entry.baseUrl ?? baseUrl });
      }
    });
  }
  return out;
}
