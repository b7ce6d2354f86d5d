import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ParsedFeed } from '../model/index.ts';
import type { CheckedEntry } from './check-feed.ts';
import { englishShare, feedWarnings } from './check-warnings.ts';

const english = 'The planet shows the posts of the people who write about Python and the tools they use. It is a river of news, and it is read by many of us in the community every day, so the posts in it are what we talk about.';
const german = 'Der Planet zeigt die Beiträge der Leute, die über Python und ihre Werkzeuge schreiben. Er ist ein Fluss von Nachrichten, und viele von uns in der Gemeinschaft lesen ihn jeden Tag, also reden wir über diese Beiträge.';

const feed = (fields: Partial<ParsedFeed>, text: string): ParsedFeed => ({
  format: 'rss',
  warnings: [],
  entries: [{ id: '1', title: 'Post', content: `<p>${text}</p>`, published: new Date('2026-11-01T00:00:00Z') }],
  ...fields,
});
const dated: CheckedEntry[] = [{ id: '1', placement: 'dated', backCatalogue: false }];
const languageLines = (parsed: ParsedFeed, locale = 'en'): string[] =>
  feedWarnings(parsed, dated, locale, 'ignore_date').filter((line) => /language|English/.test(line));

test('guesses English from its commonest words, only with enough text', () => {
  assert.ok((englishShare(english) ?? 0) > 0.2);
  assert.ok((englishShare(german) ?? 1) < 0.08);
  assert.equal(englishShare('too short to tell'), undefined);
});

test('warns about a non-English feed on an English planet: the stated language first, else the guess', () => {
  assert.deepEqual(languageLines(feed({ language: 'de-DE' }, english)), ['the feed\'s language is "de-DE", the planet\'s locale is "en"']);
  assert.deepEqual(languageLines(feed({ language: 'en-us' }, german)), []);
  assert.equal(languageLines(feed({}, german)).length, 1);
  assert.deepEqual(languageLines(feed({}, english)), []);
  assert.deepEqual(languageLines(feed({}, german), 'de'), [], 'a German planet takes German feeds');
});

test('reports a malformed feed with the parser\'s reason and its warnings', () => {
  const lines = feedWarnings(feed({ malformed: 'unclosed <item> at line 3', warnings: ['bare & in text'] }, english), dated, 'en', 'keep');
  assert.ok(lines.includes('the feed is not well-formed (unclosed <item> at line 3); Planet reads it anyway, other readers may not'));
  assert.ok(lines.includes('parser: bare & in text'));
});
