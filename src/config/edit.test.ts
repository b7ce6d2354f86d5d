import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ConfigError } from '../model/index.ts';
import type { ConfigEdit } from './edit.ts';
import { applyConfigEdits, configFeedUrls, configFormat } from './edit.ts';
import { parseIniConfig } from './ini/load-ini.ts';
import { parseConfig } from './load.ts';

const dir = new URL('./testdata/edit/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, dir), 'utf8');

/** Input file, edits, expected file: the edited text must equal the expected file byte for byte. */
const cases: { input: string; edits: ConfigEdit[]; expected: string }[] = [
  { input: 'tables.toml', edits: [{ action: 'append', url: 'https://dave.example.org/feed', name: 'Dave "the" Writer' }], expected: 'tables-append.toml' },
  { input: 'tables.toml', edits: [{ action: 'remove', url: 'https://bob.example.org/atom.xml' }], expected: 'tables-remove-bob.toml' },
  { input: 'tables.toml', edits: [{ action: 'remove', url: 'https://alice.example.org/feed.xml' }], expected: 'tables-remove-alice.toml' },
  {
    input: 'tables.toml',
    edits: [{ action: 'replace-url', url: 'https://alice.example.org/feed.xml', newUrl: 'https://alice.example.net/feed.atom' }],
    expected: 'tables-replace.toml',
  },
  // Found by the normalised URL: scheme and host case, the default port.
  { input: 'last.toml', edits: [{ action: 'remove', url: 'HTTPS://B.example.org:443/feed' }], expected: 'last-remove-b.toml' },
  { input: 'last.toml', edits: [{ action: 'append', url: 'https://c.example.org/feed', name: 'C' }], expected: 'last-append-c.toml' },
  { input: 'empty.toml', edits: [{ action: 'append', url: 'https://a.example.org/feed', name: 'A' }], expected: 'empty-append.toml' },
  { input: 'packed.toml', edits: [{ action: 'append', url: 'https://c.example.org/feed', name: 'C' }], expected: 'packed-append.toml' },
  {
    input: 'crlf.toml',
    edits: [
      { action: 'remove', url: 'https://a.example.org/feed' },
      { action: 'append', url: 'https://c.example.org/feed', name: 'C' },
    ],
    expected: 'crlf-remove-a-append-c.toml',
  },
  {
    input: 'dotted.toml',
    edits: [
      { action: 'remove', url: 'https://b.example.org/feed' },
      { action: 'append', url: 'https://c.example.org/feed', name: 'C' },
    ],
    expected: 'dotted-remove-b-append-c.toml',
  },
  { input: 'dotted.toml', edits: [{ action: 'append', url: 'https://c.example.org/feed', name: 'C' }], expected: 'dotted-append.toml' },
  {
    input: 'dotted.toml',
    edits: [
      { action: 'replace-url', url: 'https://a.example.org/feed', newUrl: 'https://a.example.org/new' },
      { action: 'replace-url', url: 'https://b.example.org/feed', newUrl: 'https://b.example.org/new' },
    ],
    expected: 'dotted-replace.toml',
  },
  { input: 'inline.toml', edits: [{ action: 'append', url: 'https://c.example.org/feed', name: 'C' }], expected: 'inline-append.toml' },
  {
    input: 'inline.toml',
    edits: [
      { action: 'remove', url: 'https://a.example.org/feed' },
      { action: 'replace-url', url: 'https://b.example.org/feed', newUrl: 'https://b.example.org/moved' },
    ],
    expected: 'inline-remove-a-replace-b.toml',
  },
  { input: 'inline.toml', edits: [{ action: 'remove', url: 'https://b.example.org/feed' }], expected: 'inline-remove-b.toml' },
  { input: 'oneline.toml', edits: [{ action: 'append', url: 'https://c.example.org/feed', name: 'C' }], expected: 'oneline-append.toml' },
  { input: 'oneline.toml', edits: [{ action: 'remove', url: 'https://a.example.org/feed' }], expected: 'oneline-remove-a.toml' },
  {
    input: 'oneline.toml',
    edits: [
      { action: 'remove', url: 'https://a.example.org/feed' },
      { action: 'remove', url: 'https://b.example.org/feed' },
    ],
    expected: 'oneline-remove-both.toml',
  },
  { input: 'planet.ini', edits: [{ action: 'append', url: 'https://dave.example.org/feed', name: 'Dave 100% (done)' }], expected: 'planet-append.ini' },
  {
    input: 'planet.ini',
    edits: [
      { action: 'remove', url: 'https://bob.example.org/atom.xml' },
      { action: 'remove', url: 'http://carol.example.org/rss' },
    ],
    expected: 'planet-remove-bob-carol.ini',
  },
  {
    input: 'planet.ini',
    edits: [{ action: 'replace-url', url: 'http://carol.example.org/rss', newUrl: 'https://carol.example.net/feed' }],
    expected: 'planet-replace.ini',
  },
  {
    input: 'crlf.ini',
    edits: [
      { action: 'remove', url: 'http://a.example.org/feed' },
      { action: 'append', url: 'http://c.example.org/feed', name: 'C' },
    ],
    expected: 'crlf-remove-a-append-c.ini',
  },
  { input: 'empty.ini', edits: [{ action: 'append', url: 'https://a.example.org/feed', name: 'A' }], expected: 'empty-append.ini' },
];

describe('applyConfigEdits', () => {
  for (const { input, edits, expected } of cases) {
    it(`${input}: ${edits.map((e) => `${e.action} ${e.url}`).join(', ')} -> ${expected}`, () => {
      const text = read(input);
      const format = configFormat(input, text);
      const edited = applyConfigEdits(text, format, edits, input);
      assert.equal(edited, read(expected));
      if (format === 'toml') {
        const feeds = parseConfig(edited, `/tmp/${expected}`).feeds.map((f) => f.url);
        assert.deepEqual(feeds, configFeedUrls(edited, 'toml'));
      } else {
        const feeds = parseIniConfig(edited, `/tmp/${expected}`).feeds.map((f) => f.url);
        assert.deepEqual(feeds, configFeedUrls(edited, 'ini'));
      }
    });
  }

  it('names the feed and the file when an edit cannot be placed', () => {
    const text = read('tables.toml');
    const missing = { action: 'remove', url: 'https://nobody.example.org/feed' } as const;
    assert.throws(() => applyConfigEdits(text, 'toml', [missing], 'planet.toml'), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /https:\/\/nobody\.example\.org\/feed is not subscribed in planet\.toml/);
      return true;
    });
    const again = { action: 'append', url: 'https://BOB.example.org/atom.xml', name: 'Bob' } as const;
    assert.throws(() => applyConfigEdits(text, 'toml', [again], 'planet.toml'), /already subscribed in planet\.toml/);
    const taken = { action: 'replace-url', url: 'https://bob.example.org/atom.xml', newUrl: 'https://carol.example.org/rss' } as const;
    assert.throws(() => applyConfigEdits(text, 'toml', [taken], 'planet.toml'), /already subscribed; remove https:\/\/bob/);
    assert.throws(() => applyConfigEdits('[planet\nname = 1', 'toml', [missing], 'bad.toml'), /bad\.toml is not valid TOML/);
  });

  it('writes names TOML and INI can read back', () => {
    const name = 'Tab\there, "quotes", back\\slash, \u0001 and a lone \ud800';
    const toml = applyConfigEdits(read('empty.toml'), 'toml', [{ action: 'append', url: 'https://a.example.org/feed', name }]);
    assert.equal(parseConfig(toml, '/tmp/planet.toml').feeds[0]?.name, 'Tab\there, "quotes", back\\slash, \u0001 and a lone \ufffd');
    const ini = applyConfigEdits(read('empty.ini'), 'ini', [{ action: 'append', url: 'https://a.example.org/feed', name: 'Half %(done)\nor not' }]);
    assert.match(ini, /^name = Half % \(done\) or not$/m);
    // INI names are HTML text to Planet 2.0: the reader decodes "&amp;", so a plain "&" is written encoded.
    const amp = applyConfigEdits(read('empty.ini'), 'ini', [{ action: 'append', url: 'https://a.example.org/feed', name: 'Tom & Jerry &#233;' }]);
    assert.equal(parseIniConfig(amp, '/tmp/config.ini').feeds[0]?.name, 'Tom & Jerry &#233;');
  });

  it('tells INI from TOML by extension, else by a [Planet] section', () => {
    assert.equal(configFormat('/x/config.ini', ''), 'ini');
    assert.equal(configFormat('/x/planet.toml', '[Planet]\n'), 'toml');
    assert.equal(configFormat('/x/config', '# hi\n[Planet]\r\nname = P\r\n'), 'ini');
    assert.equal(configFormat('/x/config', '[planet]\nname = "P"\n'), 'toml');
  });
});
