import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildSiteView, renderSite } from './index.ts';
import { sampleEntries, sampleFeeds, sampleNow, samplePlanet } from './testdata/sample.ts';

/** The Content-Security-Policy a bundled theme's front page declares, for the given frame hosts. */
async function policyOf(theme: string, frameHosts?: string[]): Promise<string> {
  const view = buildSiteView({ planet: samplePlanet, feeds: sampleFeeds, entries: sampleEntries, now: sampleNow, frameHosts });
  const outDir = await mkdtemp(join(tmpdir(), 'planet-csp-'));
  let html: string;
  try {
    await renderSite(view, { themeDir: fileURLToPath(new URL(`../../themes/${theme}/`, import.meta.url)), outDir });
    html = await readFile(join(outDir, 'index.html'), 'utf8');
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
  assert.ok(policy !== undefined, `${theme} declares a CSP`);
  return policy;
}

describe('the themes\' Content-Security-Policy', () => {
  for (const theme of ['default', 'classic']) {
    it(`${theme}: forbids script, and frames unless videos are embedded`, async () => {
      const plain = await policyOf(theme);
      assert.match(plain, /script-src 'none'/);
      assert.doesNotMatch(plain, /frame-src/, 'default-src \'self\' keeps every third-party frame out');
      const videos = await policyOf(theme, ['player.vimeo.com', 'www.youtube.com']);
      assert.match(videos, /; frame-src https:\/\/player\.vimeo\.com https:\/\/www\.youtube\.com$/);
      assert.match(videos, /script-src 'none'/);
    });
  }
});
