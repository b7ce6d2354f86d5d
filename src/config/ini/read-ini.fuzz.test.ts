// Generated INI files, read by our reader and by Python's configparser (the oracle, set up to read
// as 2.7's ConfigParser did; see read-ini.test.ts), must give the same sections and values. The
// grammar leaves out what 2.7 and 3 read differently (blank lines inside a continued value, `""`,
// "rem" lines, ";" in continuation lines, several ";" in one value, indented option lines, and
// indented lines starting with # or ;, which 3 takes for comments and 2.7 for value lines).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { iniValue } from './interpolate.ts';
import { readIni, sectionOptions } from './read-ini.ts';

const python = '/usr/bin/python3';
const oracle = `
import sys, json, warnings, configparser
warnings.simplefilter('ignore')
out = []
for text in json.load(sys.stdin):
    p = configparser.ConfigParser(strict=False, inline_comment_prefixes=(';',), interpolation=configparser.LegacyInterpolation())
    p.read_string(text)
    out.append({s: dict(p.items(s)) for s in p.sections()})
print(json.dumps(out))
`;

const word = fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/).filter((w) => !w.startsWith('rem'));
const text = fc.stringMatching(/^[A-Za-z0-9./:?&#=_ -]{0,12}[A-Za-z0-9./?&#_-]$/);
const spaces = fc.constantFrom('', ' ', '  ', '\t');
const optionLine = fc
  .tuple(word, fc.constantFrom('=', ':', ' = ', ': ', ' =  '), text, fc.option(fc.tuple(spaces.filter((s) => s !== ''), text), { nil: undefined }), fc.array(text.filter((t) => !t.trimStart().startsWith('#')), { maxLength: 2 }))
  .map(([name, sep, value, comment, more]) => {
    const first = `${name}${sep}${value}${comment === undefined ? '' : `${comment[0]};${comment[1]}`}`;
    return [first, ...more.map((m) => `  ${m}`)].join('\n');
  });
const commentLine = fc.tuple(fc.constantFrom('#', ';'), text).map(([c, t]) => `${c}${t}`);
const section = fc
  .tuple(fc.constantFrom('DEFAULT', 'Planet', 'http://a.example/feed', 'http://b.example/x?y=1', 'Mixed Case'), fc.array(fc.oneof(optionLine, optionLine, commentLine), { maxLength: 5 }))
  .map(([name, lines]) => [`[${name}]`, ...lines].join('\n'));
const document = fc.array(section, { minLength: 1, maxLength: 4 }).map((sections) => `${sections.join('\n\n')}\n`);

describe('readIni agrees with Python configparser on generated files', { skip: existsSync(python) ? false : 'needs /usr/bin/python3 (Debian python3)' }, () => {
  it('200 files', () => {
    const texts = fc.sample(document, { numRuns: 200, seed: 8 });
    const run = spawnSync(python, ['-c', oracle], { input: JSON.stringify(texts), encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const expected = JSON.parse(run.stdout) as Record<string, Record<string, string>>[];
    texts.forEach((ini, i) => {
      const doc = readIni(ini, 'generated.ini');
      const got: Record<string, Record<string, string>> = {};
      for (const s of doc.sections.values()) {
        got[s.name] = Object.fromEntries([...sectionOptions(doc, s).keys()].map((name) => [name, iniValue(doc, s, name) ?? '']));
      }
      assert.deepEqual(got, expected[i], `file #${i}:\n${ini}`);
    });
  });
});
