// Golden files: the sample planet (a fixed store snapshot and a fixed clock) rendered by each
// bundled theme, compared byte for byte with the files committed under testdata/golden/.
// After an intended change run `UPDATE_GOLDEN=1 node scripts/run-tests.js src/render/golden`
// and review the diff.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildSiteView, renderSite } from './index.ts';
import { sampleEntries, sampleFeeds, sampleHealth, sampleNow, samplePlanet } from './testdata/sample.ts';

const update = process.env.UPDATE_GOLDEN === '1';
const themesDir = fileURLToPath(new URL('../../themes/', import.meta.url));
const goldenDir = fileURLToPath(new URL('./testdata/golden/', import.meta.url));

// Small pages so the goldens hold an archive page, and a zone that moves an entry to another day.
const planet = { ...samplePlanet, itemsPerPage: 2, timezone: 'Europe/Berlin', summaryLength: 12 };
// Avatars are local files; a remote URL is dropped, so pages never hot-link.
const avatars = { 'https://beta.example/feed.xml': 'avatars/0123456789abcdef0123.png', 'https://alpha.example/atom.xml': 'https://alpha.example/face.png' };
const view = buildSiteView({ planet, feeds: sampleFeeds, entries: sampleEntries, now: sampleNow, avatars, health: sampleHealth });

describe('golden files', () => {
  for (const theme of ['default', 'classic']) {
    it(`the ${theme} theme renders the sample planet exactly as committed`, async () => {
      const outDir = await mkdtemp(join(tmpdir(), `planet-golden-${theme}-`));
      try {
        const written = await renderSite(view, { themeDir: join(themesDir, theme), outDir });
        const expectedDir = join(goldenDir, theme);
        const listPath = join(expectedDir, 'files.txt');
        const list = `${written.join('\n')}\n`;
        if (update) await writeGolden(listPath, list);
        assert.ok(existsSync(listPath), `no goldens for ${theme}; run with UPDATE_GOLDEN=1 to write them`);
        assert.equal(list, await readFile(listPath, 'utf8'), 'the same files are written');
        for (const path of written) {
          const actual = await readFile(join(outDir, path), 'utf8');
          if (update) await writeGolden(join(expectedDir, path), actual);
          assert.equal(actual, await readFile(join(expectedDir, path), 'utf8'), `${theme}/${path} differs from its golden`);
        }
      } finally {
        await rm(outDir, { recursive: true, force: true });
      }
    });
  }
});

async function writeGolden(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}
