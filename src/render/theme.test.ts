import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { RenderError } from '../model/index.ts';
import type { RenderErrorCode } from '../model/index.ts';
import { buildSiteView, renderSite } from './index.ts';
import { sampleEntries, sampleFeeds, sampleNow, samplePlanet } from './testdata/sample.ts';

const themes = fileURLToPath(new URL('./testdata/themes/', import.meta.url));
const view = buildSiteView({ planet: samplePlanet, feeds: sampleFeeds, entries: sampleEntries, now: sampleNow });

let outDir: string;
before(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'planet-theme-'));
});
after(() => rm(outDir, { recursive: true, force: true }));

/** Asserts renderSite fails with a RenderError of `code` whose message holds every fragment. */
async function assertRenderError(themeDir: string, code: RenderErrorCode, fragments: (string | RegExp)[]): Promise<void> {
  const out = join(outDir, code);
  await assert.rejects(renderSite(view, { themeDir, outDir: out }), (error: unknown) => {
    assert.ok(error instanceof RenderError, `a RenderError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.equal(error.stage, 'render');
    for (const fragment of fragments) {
      if (typeof fragment === 'string') assert.ok(error.message.includes(fragment), `message names ${fragment}: ${error.message}`);
      else assert.match(error.message, fragment);
    }
    return true;
  });
}

describe('renderSite theme errors', () => {
  it('reports a missing theme directory as theme-not-found, saying how to fix it', async () => {
    const missing = join(outDir, 'no-such-theme');
    await assertRenderError(missing, 'theme-not-found', [missing, 'planet.toml', 'themes/default']);
  });

  it('reports a directory without theme.json as theme-not-found', async () => {
    const dir = join(themes, 'no-manifest');
    await assertRenderError(dir, 'theme-not-found', [join(dir, 'theme.json'), 'planet.toml']);
  });

  it('reports a manifest that is not JSON as theme-invalid', async () => {
    await assertRenderError(join(themes, 'bad-json'), 'theme-invalid', ['theme.json', 'not valid JSON']);
  });

  it('reports every problem of a badly shaped manifest as theme-invalid', async () => {
    await assertRenderError(join(themes, 'bad-shape'), 'theme-invalid', [
      '"name" must be a non-empty string',
      '"templates"[0] must be a file name inside the theme',
      '"templates"[1] names missing.html.njk',
      '"templates"[2] must be a file name inside the theme ending in .njk',
      '"assets" names nope',
    ]);
  });

  it('reports a template syntax error as template, naming the file, and writes nothing', async () => {
    await assertRenderError(join(themes, 'syntax-error'), 'template', ['broken.html.njk', /Line 3/, 'Fix the template']);
    assert.equal(existsSync(join(outDir, 'template')), false, 'no half-written site');
  });
});

describe('renderSite with a custom theme', () => {
  let out: string;
  let written: string[];
  before(async () => {
    out = join(outDir, 'custom');
    written = await renderSite(view, { themeDir: join(themes, 'custom'), outDir: out });
  });

  it('writes nested outputs and copies the assets folder under its own name', async () => {
    assert.deepEqual(written, ['feeds/list.xml', 'static/css/site.css', 'static/img/dot.svg']);
    assert.deepEqual((await readdir(out)).sort(), ['feeds', 'static']);
    assert.equal(await readFile(join(out, 'static/css/site.css'), 'utf8'), 'body { margin: 0; }\n');
  });

  it('registers xmltext and prints undefined values as nothing', async () => {
    const list = await readFile(join(out, 'feeds/list.xml'), 'utf8');
    assert.equal(
      list,
      '<feeds><feed name="Alpha">Alpha</feed><feed name="beta blog">Beta&apos;s Blog</feed>' +
        '<feed name="Charlie &lt;Chaos&gt;">Charlie &lt;Chaos&gt;</feed><missing></missing></feeds>\n',
    );
  });
});

describe('theme inheritance and per-page templates', () => {
  let out: string;
  let written: string[];
  before(async () => {
    out = join(outDir, 'child');
    written = await renderSite(view, { themeDir: join(themes, 'child'), outDir: out });
  });

  it("renders the parent's templates and its own, plus one file per feed page", () => {
    assert.deepEqual(written, [
      'feeds/list.xml',
      'names.txt',
      'feeds/alpha/index.html',
      'feeds/beta-blog/index.html',
      'feeds/charlie-chaos/index.html',
      'static/css/site.css',
      'static/img/dot.svg',
    ]);
  });

  it('gives each page its own context and a path back to the root', async () => {
    assert.equal(await readFile(join(out, 'feeds/beta-blog/index.html'), 'utf8'), 'beta blog at ../../: 2\n');
    assert.equal(await readFile(join(out, 'names.txt'), 'utf8'), 'Alpha;beta blog;Charlie &lt;Chaos&gt;;');
  });

  it("copies the parent's assets first, so the child's file of the same path wins", async () => {
    assert.equal(await readFile(join(out, 'static/css/site.css'), 'utf8'), 'body { margin: 1rem; }\n');
    assert.ok(existsSync(join(out, 'static/img/dot.svg')), "the parent's other assets are kept");
  });

  it('reports a parent cycle as theme-invalid', async () => {
    await assertRenderError(join(themes, 'loop-a'), 'theme-invalid', ['"parent" chain loops']);
  });

  it('reports unknown page kinds, bad page templates and a missing parent, all at once', async () => {
    await assertRenderError(join(themes, 'bad-pages'), 'theme-invalid', [
      '"pages" has unknown kind "daily"',
      '"pages".feed must be a file name inside the theme ending in .njk',
      '"parent" names',
    ]);
  });
});
