import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { RenderError } from '../model/index.ts';
import { buildSiteView, renderSite } from './index.ts';
import { loadMessages, translator } from './messages.ts';
import { sampleEntries, sampleFeeds, sampleHealth, sampleNow, samplePlanet } from './testdata/sample.ts';

const themes = fileURLToPath(new URL('../../themes/', import.meta.url));
const dirs: string[] = [];
after(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'planet-messages-'));
  dirs.push(dir);
  return dir;
}

async function theme(root: string, name: string, files: Record<string, unknown>): Promise<string> {
  const dir = join(root, name);
  await mkdir(join(dir, 'messages'), { recursive: true });
  for (const [file, data] of Object.entries(files)) await writeFile(join(dir, 'messages', file), typeof data === 'string' ? data : JSON.stringify(data));
  return dir;
}

describe('translator', () => {
  it('gives the message for a text, else the text, and fills in {keys}', () => {
    const t = translator({ 'Posts from {name}': 'Beiträge von {name}', Latest: 'Neueste' });
    assert.equal(t('Latest'), 'Neueste');
    assert.equal(t('Posts from {name}', { name: 'Ada' }), 'Beiträge von Ada');
    assert.equal(t('Older posts'), 'Older posts');
    assert.equal(t('{name}, page {number} of {total}', { name: 'P', number: 2 }), 'P, page 2 of {total}');
    // Inherited object keys are not messages.
    assert.equal(t('constructor'), 'constructor');
  });
});

describe('loadMessages', () => {
  it('reads parent then child, the language then the whole tag, so the most specific wins', async () => {
    const root = await tempDir();
    const parent = await theme(root, 'parent', { 'pt.json': { A: 'parent pt', B: 'parent pt', C: 'parent pt' }, 'pt-BR.json': { B: 'parent pt-BR' } });
    const child = await theme(root, 'child', { 'pt.json': { C: 'child pt' } });
    assert.deepEqual(loadMessages([child, parent], 'pt-BR'), { A: 'parent pt', B: 'parent pt-BR', C: 'child pt' });
    assert.deepEqual(loadMessages([child, parent], 'pt'), { A: 'parent pt', B: 'parent pt', C: 'child pt' });
    assert.deepEqual(loadMessages([child, parent], 'de'), {});
  });

  it('names a catalog that is not JSON, or not texts to texts', async () => {
    const root = await tempDir();
    const broken = await theme(root, 'broken', { 'de.json': '{ "Latest": ' });
    assert.throws(() => loadMessages([broken], 'de'), (error: unknown) => error instanceof RenderError && /messages\/de\.json is not valid JSON/.test(error.message));
    const wrong = await theme(root, 'wrong', { 'de.json': { Latest: 3 } });
    assert.throws(() => loadMessages([wrong], 'de'), /messages\/de\.json must map English texts to their translations, as \{ "Latest": "Neueste" \}; "Latest" is not a string/);
  });
});

describe('the bundled themes\' messages', () => {
  // Every t("...") and t('...') of a theme's templates.
  const textsOf = (dir: string): Set<string> => {
    const texts = new Set<string>();
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.njk'))) {
      for (const match of readFileSync(join(dir, file), 'utf8').matchAll(/\bt\((?:"([^"]*)"|'([^']*)')/g)) texts.add(match[1] ?? match[2] ?? '');
    }
    return texts;
  };
  const defaultTexts = textsOf(join(themes, 'default'));
  const classicTexts = textsOf(join(themes, 'classic'));

  for (const language of readdirSync(join(themes, 'default', 'messages')).map((file) => file.replace(/\.json$/, ''))) {
    it(`${language}: translates every text of both themes, with the same {keys}, and nothing else`, () => {
      const own = (name: string): Record<string, string> => JSON.parse(readFileSync(join(themes, name, 'messages', `${language}.json`), 'utf8')) as Record<string, string>;
      const base = own('default');
      const classic = own('classic');
      assert.deepEqual(Object.keys(base).sort(), [...defaultTexts].sort(), 'default theme');
      // The classic theme inherits the default's messages and adds its own texts only.
      assert.deepEqual(Object.keys(classic).sort(), [...classicTexts].filter((text) => !defaultTexts.has(text)).sort(), 'classic theme');
      const keys = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
      for (const [text, message] of Object.entries({ ...base, ...classic })) assert.deepEqual(keys(message), keys(text), `${language}: ${text}`);
    });
  }
});

describe('a planet in German', () => {
  it('gets the default theme\'s words in German, its dates too, and lang="de"', async () => {
    const dir = await tempDir();
    const planet = { ...samplePlanet, locale: 'de' };
    const view = buildSiteView({ planet, feeds: sampleFeeds, entries: sampleEntries, now: sampleNow, health: sampleHealth });
    await renderSite(view, { themeDir: join(themes, 'default'), outDir: dir });
    const index = await readFile(join(dir, 'index.html'), 'utf8');
    assert.match(index, /<html lang="de">/);
    for (const words of ['Zu den Beiträgen springen', '>Neueste<', '>Nur Titel<', '>Abonnements<', '>Abonnieren<', 'Zuletzt aktualisiert:', 'Montag, 30. November 2026']) {
      assert.ok(index.includes(words), words);
    }
    assert.doesNotMatch(index, />(Latest|Subscriptions|Subscribe|Archive)</);
    const feedPage = await readFile(join(dir, view.feedPages[0]?.path ?? ''), 'utf8');
    assert.match(feedPage, /Beiträge von /);
    assert.match(await readFile(join(dir, 'health.html'), 'utf8'), /<h1 class="page-title">Zustand der Feeds<\/h1>/);
  });

  it('in the classic theme too, with its own words', async () => {
    const dir = await tempDir();
    const view = buildSiteView({ planet: { ...samplePlanet, locale: 'de-AT' }, feeds: sampleFeeds, entries: sampleEntries, now: sampleNow });
    await renderSite(view, { themeDir: join(themes, 'classic'), outDir: dir });
    const index = await readFile(join(dir, 'index.html'), 'utf8');
    assert.ok(index.includes('>Alle Beiträge<') && index.includes('>Abonnements<') && index.includes('wird von'), index.slice(-1500));
  });
});
