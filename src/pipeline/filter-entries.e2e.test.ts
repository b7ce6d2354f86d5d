// Filters through `planet run`: a real HTTP server, the real CLI (in process), the real store,
// and the published site read back.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from '../cli/run-cli.ts';
import { schemaProblems } from '../cli/testdata/json-schema.ts';
import type { TaggedItem } from './testdata/tagged-server.ts';
import { startTaggedServer } from './testdata/tagged-server.ts';

const throwingPlugin = fileURLToPath(new URL('../filter/testdata/throws.ts', import.meta.url));

const posts: TaggedItem[] = [
  { title: 'Python packaging in 2026', tags: ['Python', 'packaging'] },
  { title: 'My sourdough', tags: ['baking'] },
  { title: 'Typing tricks', tags: ['misc', 'PYTHON'] },
  { title: 'Untagged musings', tags: [] },
];

describe('filters through planet run', () => {
  let server: Awaited<ReturnType<typeof startTaggedServer>>;
  let dir: string;
  before(async () => {
    server = await startTaggedServer();
    dir = await mkdtemp(join(tmpdir(), 'planet-filters-'));
  });
  after(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  const run = async (toml: string): Promise<{ code: number; out: string[]; err: string[]; html: string }> => {
    const config = join(dir, 'planet.toml');
    await writeFile(config, `[planet]\nname = "Filters"\nlink = "https://planet.test/"\n\n${toml}`);
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['run', '-c', config, '--force', '--report', join(dir, 'report.json')], { out: (line) => out.push(line), err: (line) => err.push(line) });
    return { code, out, err, html: await readFile(join(dir, 'output', 'index.html'), 'utf8') };
  };
  const shown = (html: string): string[] => posts.map((p) => p.title).filter((title) => html.includes(`>${title}</a>`));

  it('Tag filtering keeps only matching posts from a feed configured with include_tags', async () => {
    server.feeds.set('/mixed.xml', posts);
    server.feeds.set('/other.xml', [{ title: 'Other blog post', tags: [] }]);
    const result = await run(
      `[[feeds]]\nurl = "${server.origin}/mixed.xml"\nname = "Mixed"\ninclude_tags = ["python"]\n\n[[feeds]]\nurl = "${server.origin}/other.xml"\nname = "Other"\n`,
    );
    assert.equal(result.code, 0, result.err.join('\n'));
    assert.deepEqual(shown(result.html), ['Python packaging in 2026', 'Typing tricks']);
    assert.ok(result.html.includes('>Other blog post</a>'), 'a feed without include_tags keeps everything');
    const line = result.out.find((l) => l.startsWith('updated') && l.includes('Mixed'));
    assert.match(line ?? '', /: 2 new, 0 changed, 2 filtered out/);
    const why = result.out.find((l) => l.startsWith('filtered'));
    assert.match(result.out.find((l) => l.startsWith('update: 2 feeds')) ?? '', /; 2 filtered out$/);
    assert.match(why ?? '', /Mixed .*"My sourdough" \(include_tags python .*its categories are baking\); "Untagged musings" \(include_tags python .*it has no categories\)/);
    const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as { feeds: { name: string; filtered: { title: string; reason: string }[] }[]; totals: { filtered: number } };
    const schema = JSON.parse(await readFile(new URL('../../docs/report-schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    assert.deepEqual(schemaProblems(report, schema), []);
    assert.deepEqual(report.feeds.find((f) => f.name === 'Mixed')?.filtered.map((f) => f.title), ['My sourdough', 'Untagged musings']);
    assert.equal(report.totals.filtered, 2);
  });

  it('entries stored before an exclude was set are hidden from the site, and shown again when it is removed', async () => {
    const plain = `[[feeds]]\nurl = "${server.origin}/mixed.xml"\nname = "Mixed"\n`;
    assert.deepEqual(shown((await run(plain)).html), posts.map((p) => p.title));
    assert.deepEqual(shown((await run(`[filters]\nexclude = "sourdough|musings"\n\n${plain}`)).html), ['Python packaging in 2026', 'Typing tricks']);
    assert.deepEqual(shown((await run(plain)).html), posts.map((p) => p.title));
  });

  it('entries stored before include_tags was set are hidden at its next fetch, and shown again when it is removed', async () => {
    const plain = `[[feeds]]\nurl = "${server.origin}/mixed.xml"\nname = "Mixed"\n`;
    assert.deepEqual(shown((await run(plain)).html), posts.map((p) => p.title));
    const tagged = await run(`${plain}include_tags = ["python"]\n`);
    assert.deepEqual(shown(tagged.html), ['Python packaging in 2026', 'Typing tricks']);
    assert.deepEqual(shown((await run(plain)).html), posts.map((p) => p.title));
  });

  it('a failing plugin fails only its feed, which keeps its stored entries', async () => {
    server.feeds.set('/other.xml', [{ title: 'Other blog post', tags: [] }, { title: 'Other second post', tags: [] }]);
    const result = await run(
      `[[feeds]]\nurl = "${server.origin}/mixed.xml"\nname = "Mixed"\nplugins = ["${throwingPlugin}"]\n\n[[feeds]]\nurl = "${server.origin}/other.xml"\nname = "Other"\n`,
    );
    assert.equal(result.code, 0);
    assert.match(result.err.join('\n'), /failed .*Mixed .*filter: plugin .*throws\.ts threw on entry .* plugin exploded \[filter-plugin\]/);
    assert.deepEqual(shown(result.html), posts.map((p) => p.title), 'entries stored earlier stay published');
    assert.ok(result.html.includes('>Other second post</a>'), 'the other feed is updated');
  });
});
