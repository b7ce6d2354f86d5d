// `planet health --fix` on real files: the diff comes first, the answer decides, the write is
// all or nothing with a backup. Classification is tested in src/health; here the suggestions are given.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FeedHealth } from '../model/index.ts';
import { fixConfig } from './health-fix.ts';

const TOML = `[planet]
name = "Fix"
link = "https://fix.test/"

# keep me
[[feeds]]
url = "https://a.test/feed"

[[feeds]]
url = "https://b.test/feed"
name = "B"
`;

const health = (url: string, suggestion?: FeedHealth['suggestion']): FeedHealth => ({
  url,
  name: url,
  statuses: ['ok'],
  consecutiveFailures: 0,
  runs: [],
  hidden: false,
  ...(suggestion === undefined ? {} : { suggestion }),
});

const healths = [
  health('https://a.test/feed', { action: 'replace-url', url: 'https://a.test/feed', newUrl: 'https://a.test/new', reason: 'moved' }),
  health('https://b.test/feed', { action: 'remove', url: 'https://b.test/feed', reason: 'gone' }),
];

describe('fixConfig', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'planet-health-fix-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  async function attempt(name: string, answer: boolean | undefined, yes = false): Promise<{ path: string; lines: string[]; wrote: boolean; questions: string[] }> {
    const path = join(dir, name);
    await writeFile(path, TOML);
    const lines: string[] = [];
    const questions: string[] = [];
    const ask = answer === undefined ? undefined : async (q: string) => (questions.push(q), answer);
    const wrote = await fixConfig(path, healths, { yes, say: (line) => lines.push(line), ...(ask && { ask }) });
    return { path, lines, wrote, questions };
  }

  it('shows the diff, asks, and leaves the file alone when the answer is no', async () => {
    const { path, lines, wrote, questions } = await attempt('declined.toml', false);
    assert.equal(wrote, false);
    assert.equal(await readFile(path, 'utf8'), TOML);
    assert.equal(questions.length, 1);
    const diffAt = lines.findIndex((line) => line === '+url = "https://a.test/new"');
    assert.ok(diffAt > 0, lines.join('\n'));
    assert.ok(lines.includes('-url = "https://b.test/feed"'));
    assert.match(lines.at(-1) ?? '', /left unchanged \(not confirmed\)/);
  });

  it('writes the edits when the answer is yes, keeping the old file as .bak and no temporary file', async () => {
    const { path, wrote } = await attempt('accepted.toml', true);
    assert.equal(wrote, true);
    const text = await readFile(path, 'utf8');
    assert.equal(text, TOML.replace('https://a.test/feed', 'https://a.test/new').replace('\n[[feeds]]\nurl = "https://b.test/feed"\nname = "B"\n', ''));
    assert.match(text, /# keep me/);
    assert.equal(await readFile(`${path}.bak`, 'utf8'), TOML);
    assert.deepEqual((await readdir(dir)).filter((f) => f.includes('.tmp')), []);
  });

  it('--yes writes without asking', async () => {
    const { wrote, questions } = await attempt('yes.toml', false, true);
    assert.equal(wrote, true);
    assert.deepEqual(questions, []);
  });

  it('leaves the suggestions for feeds from reading lists to those lists', async () => {
    const path = join(dir, 'listed.toml');
    await writeFile(path, TOML);
    const lines: string[] = [];
    const fromList = { ...health('https://c.test/feed', { action: 'remove', url: 'https://c.test/feed', reason: 'gone' }), readingList: 'https://lists.test/blogroll.opml' };
    assert.equal(await fixConfig(path, [healths[1] as FeedHealth, fromList], { yes: true, say: (l) => lines.push(l) }), true);
    assert.equal(lines[0], 'fix: 1 suggested edit is for feeds from reading lists, which --fix leaves alone; edit those lists');
    assert.doesNotMatch(await readFile(path, 'utf8'), /b\.test/);
  });

  it('says so and writes nothing when no feed has a suggestion', async () => {
    const path = join(dir, 'clean.toml');
    await writeFile(path, TOML);
    const lines: string[] = [];
    assert.equal(await fixConfig(path, [health('https://a.test/feed')], { yes: true, say: (l) => lines.push(l) }), false);
    assert.deepEqual(lines, ['fix: nothing to change in the config']);
    assert.deepEqual((await readdir(dir)).filter((f) => f.startsWith('clean.toml.bak')), []);
  });
});
