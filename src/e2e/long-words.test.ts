// A feed's name, title and posts are the feed's to choose: a name that is one long word (a
// path, a URL, a CamelCase run) must not make any page of either bundled theme wider than a
// phone's screen. Found on the real-world corpus, whose feed pages overflowed by their <h1>.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { horizontalOverflow, loadFully, openBrowser } from '../../examples/demo/browser.ts';
import { buildSiteView, renderSite } from '../render/index.ts';
import { sampleEntries, sampleFeeds, sampleHealth, sampleNow, samplePlanet } from '../render/testdata/sample.ts';
import type { LocalServer } from './local-server.ts';
import { serveDirectory } from './local-server.ts';

const longWord = 'GiantRobotsSmashingIntoOtherGiantRobots'.repeat(4);
const feeds = sampleFeeds.map((feed, i) => (i === 0 ? { ...feed, name: longWord, title: `${longWord}/feed.xml` } : feed));
const entries = sampleEntries.map((entry, i) => (i === 0 ? { ...entry, title: longWord, author: { name: longWord } } : entry));

describe('long unbroken words stay inside a 390 px screen', () => {
  const sites: LocalServer[] = [];
  const dirs: string[] = [];
  let browser: BrowserContext;

  before(async () => {
    browser = await openBrowser(390);
  });
  after(async () => {
    await browser?.close();
    await Promise.all(sites.map((site) => site.close()));
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  for (const theme of ['default', 'classic']) {
    it(`in the ${theme} theme: the front page, the feed page and health.html`, async () => {
      const dir = await mkdtemp(join(tmpdir(), 'planet-long-words-'));
      dirs.push(dir);
      const view = buildSiteView({ planet: samplePlanet, feeds, entries, now: sampleNow, health: sampleHealth });
      await renderSite(view, { themeDir: fileURLToPath(new URL(`../../themes/${theme}/`, import.meta.url)), outDir: dir });
      const site = await serveDirectory(dir);
      sites.push(site);
      const feedPage = view.feeds.find((feed) => feed.name === longWord)?.href;
      assert.ok(feedPage !== undefined);
      const page = await browser.newPage();
      for (const path of ['', feedPage, 'health.html']) {
        await loadFully(page, `${site.origin}/${path}`);
        // Only the page counts: health.html's wide table scrolls inside its own box, by design.
        const { overflow, culprits } = await horizontalOverflow(page);
        assert.equal(overflow, 0, `${theme}: /${path} is ${overflow} px too wide (${culprits.join(', ')})`);
      }
      await page.close();
    });
  }
});
