import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildSiteView, renderSite } from './index.ts';
import type { TemplateFiles } from './index.ts';
import { sampleEntries, sampleFeeds, sampleNow, samplePlanet } from './testdata/sample.ts';

const defaultTheme = fileURLToPath(new URL('../../themes/default/', import.meta.url));
const templates = fileURLToPath(new URL('./testdata/planet2/', import.meta.url));
const feedSettings = {
  'https://beta.example/feed.xml': { extra: { face: 'bea.png' } },
  'https://alpha.example/atom.xml': { hidden: true },
};
const view = buildSiteView({ planet: samplePlanet, feeds: sampleFeeds, entries: sampleEntries, now: sampleNow, feedSettings });

const planet2 = {
  dateFormat: '%B %d, %Y %I:%M %p',
  newDateFormat: '%B %d, %Y',
};

const dirs: string[] = [];
after(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function render(options: Partial<TemplateFiles>): Promise<{ dir: string; files: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'planet-tmpl-'));
  dirs.push(dir);
  const files = await renderSite(view, { themeDir: defaultTheme, outDir: dir, templates: { files: [], planet2, ...options } });
  return { dir, files };
}

describe('template_files', () => {
  it("renders htmltmpl templates with Planet 2.0's variables", async () => {
    const { dir } = await render({ files: [join(templates, 'river.html.tmpl')] });
    // Checked by hand once: new_date on each day's first entry; new_channel when the feed or the
    // day changes; the hidden feed listed in Channels (with its failure message) but none of
    // its entries in Items; feed text escaped once; channel_face from the feed's extra keys.
    assert.equal(await readFile(join(dir, 'river.html'), 'utf8'), await readFile(join(templates, 'river.html.expected'), 'utf8'));
  });

  it("publishes the templates' outputs and the theme's assets in place of the theme's pages", async () => {
    const { dir, files } = await render({ files: [join(templates, 'river.html.tmpl'), join(templates, 'names.txt.njk')] });
    assert.deepEqual(files.sort(), ['assets/favicon.svg', 'assets/style.css', 'names.txt', 'river.html']);
    assert.equal(existsSync(join(dir, 'index.html')), false);
    assert.equal(existsSync(join(dir, 'atom.xml')), false);
  });

  it('renders Nunjucks templates with the view model: hidden feeds listed in feeds, extra keys in feed.extra', async () => {
    const { dir } = await render({ files: [join(templates, 'names.txt.njk')] });
    assert.equal(await readFile(join(dir, 'names.txt'), 'utf8'), 'Alpha;beta blog (bea.png);Charlie &lt;Chaos&gt;;');
  });

  it('copies the bill of materials from the template directories', async () => {
    const { dir, files } = await render({ files: [join(templates, 'names.txt.njk')], billOfMaterials: ['planet.css', 'images/logo.png'] });
    assert.ok(files.includes('images/logo.png') && files.includes('planet.css'));
    assert.equal(await readFile(join(dir, 'images/logo.png'), 'utf8'), 'PNG');
    assert.equal(await readFile(join(dir, 'planet.css'), 'utf8'), 'body { color: #333; }\n');
  });

  it('names a bill of materials file that is missing', async () => {
    await assert.rejects(render({ files: [join(templates, 'names.txt.njk')], billOfMaterials: ['nope.css'] }), /bill_of_materials names nope\.css, which is in none of the template directories/);
  });

  it("renders a template with its own settings (perFile) and the others with the planet's", async () => {
    const river = join(templates, 'river.html.tmpl');
    const latin = join(templates, 'latin.html.tmpl');
    const own = { planet2: { dateFormat: '%d.%m.%Y', newDateFormat: '%A', paging: { itemsPerPage: 5, daysPerPage: 2 } }, encoding: 'xml' };
    const { dir } = await render({ files: [river, latin], perFile: new Map([[river, own]]) });
    const text = await readFile(join(dir, 'river.html'), 'utf8');
    // Two days of the three (days_per_page 2 cuts before 5 entries), dated with its own formats.
    assert.deepEqual(text.match(/^== .* ==$/gm), ['== Monday ==', '== Sunday ==']);
    assert.match(text, /^updated 30\.11\.2026 \| /m);
    assert.doesNotMatch(text, /Older/);
    assert.equal(await readFile(join(dir, 'latin.html'), 'utf8'), '<p>Planet Test &amp; Friends café €</p>\n', 'the other template keeps UTF-8');
    const oneItem = await render({ files: [river], perFile: new Map([[river, { planet2: { ...planet2, paging: { itemsPerPage: 1, daysPerPage: 0 } } }]]) });
    assert.equal((await readFile(join(oneItem.dir, 'river.html'), 'utf8')).match(/^\* /gm)?.length, 1);
    const ascii = await render({ files: [latin], perFile: new Map([[latin, { planet2, encoding: 'xml' }]]) });
    assert.equal(await readFile(join(ascii.dir, 'latin.html'), 'utf8'), '<p>Planet Test &amp; Friends caf&#233; &#8364;</p>\n');
  });

  it('writes htmltmpl pages in the configured encoding, with references for what it lacks', async () => {
    const latin = await render({ files: [join(templates, 'latin.html.tmpl')], encoding: 'iso-8859-1' });
    const bytes = await readFile(join(latin.dir, 'latin.html'));
    assert.deepEqual([...bytes.subarray(bytes.indexOf('caf') + 3, bytes.indexOf('caf') + 4)], [0xe9]);
    assert.match(bytes.toString('latin1'), /caf\xe9 &#8364;<\/p>/);
    const ascii = await render({ files: [join(templates, 'latin.html.tmpl')], encoding: 'xml' });
    assert.equal(await readFile(join(ascii.dir, 'latin.html'), 'utf8'), '<p>Planet Test &amp; Friends caf&#233; &#8364;</p>\n');
    const utf8 = await render({ files: [join(templates, 'latin.html.tmpl')] });
    assert.equal(await readFile(join(utf8.dir, 'latin.html'), 'utf8'), '<p>Planet Test &amp; Friends café €</p>\n');
  });

  it('names the template and line of a template error and writes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'planet-tmpl-'));
    dirs.push(dir);
    const broken = join(templates, 'broken', 'index.html.tmpl');
    await assert.rejects(
      renderSite(view, { themeDir: defaultTheme, outDir: dir, templates: { files: [join(templates, 'river.html.tmpl'), broken], planet2 } }),
      /broken\/index\.html\.tmpl:4: <\/TMPL_LOOP> closes nothing \(<TMPL_IF> of .*broken\/index\.html\.tmpl:3 is open\)/,
    );
    assert.equal(existsSync(join(dir, 'river.html')), false);
  });
});
