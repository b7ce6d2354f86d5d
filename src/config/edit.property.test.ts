import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { ConfigEdit } from './edit.ts';
import { applyConfigEdits } from './edit.ts';
import { iniValue } from './ini/interpolate.ts';
import { readIni } from './ini/read-ini.ts';
import { parseConfig } from './load.ts';

const toml = `# header comment\n[planet]\nname = "P"\nlink = "https://planet.example.org/"\n\n[fetch]\ntimeout = 10\n`;
const inline = `feeds = [\n]\n\n[planet]\nname = "P"\nlink = "https://planet.example.org/"\n`;
const ini = `# header comment\n[Planet]\nname = P\nlink = https://planet.example.org/\n`;

/** A run of appends and removes over a handful of hosts, with any printable names. */
const editRuns = fc.array(
  fc.record({ host: fc.integer({ min: 0, max: 5 }), name: fc.string({ unit: 'grapheme', maxLength: 20 }), remove: fc.boolean() }),
  { maxLength: 12 },
);

/** The edits of a run that make sense at each step (append what is absent, remove what is present), and the feeds left. */
function plan(run: { host: number; name: string; remove: boolean }[]): { edits: ConfigEdit[]; feeds: Map<string, string> } {
  const feeds = new Map<string, string>();
  const edits: ConfigEdit[] = [];
  for (const { host, name, remove } of run) {
    const url = `https://h${host}.example.org/feed`;
    if (feeds.has(url) && remove) {
      feeds.delete(url);
      edits.push({ action: 'remove', url });
    } else if (!feeds.has(url)) {
      feeds.set(url, name);
      edits.push({ action: 'append', url, name });
    }
  }
  return { edits, feeds };
}

test('any run of appends and removes leaves a TOML config (tables or an inline array) that loads with exactly those feeds and names', () => {
  fc.assert(
    fc.property(fc.constantFrom(toml, inline), editRuns, (base, run) => {
      const { edits, feeds } = plan(run);
      const edited = applyConfigEdits(base, 'toml', edits);
      const loaded = parseConfig(edited, '/tmp/planet.toml');
      // An empty name falls back to the host (the validator's rule), so compare only the URLs and the names given.
      assert.deepEqual(loaded.feeds.map((f) => f.url), [...feeds.keys()]);
      for (const feed of loaded.feeds) {
        const name = feeds.get(feed.url);
        if (name?.trim()) assert.equal(feed.name, name);
      }
      if (base === toml) assert.ok(edited.startsWith(toml.trimEnd()), 'what the edits did not touch stays as it was');
    }),
  );
});

test('any run of appends and removes leaves a config.ini ConfigParser reads with those sections, names one-lined', () => {
  fc.assert(
    fc.property(editRuns, (run) => {
      const { edits, feeds } = plan(run);
      const edited = applyConfigEdits(ini, 'ini', edits);
      const doc = readIni(edited, 'config.ini');
      const sections = [...doc.sections.values()].filter((s) => s.name !== 'Planet');
      assert.deepEqual(sections.map((s) => s.name), [...feeds.keys()]);
      for (const section of sections) {
        const written = iniValue(doc, section, 'name') ?? '';
        const given = feeds.get(section.name) ?? '';
        const expected = given.replaceAll('&', '&amp;').replace(/[ \t\n\r\v\f]+/g, ' ').replace(/^ | $/g, '').replace(/ ;/g, ';').replaceAll('%(', '% (');
        assert.equal(written, expected === '' || expected === '""' ? section.name : expected);
      }
    }),
  );
});
