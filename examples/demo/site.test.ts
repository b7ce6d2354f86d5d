// The demo as `npm start` publishes it: every output exists, every feed reads back cleanly in
// real readers, an unchanged rebuild rewrites nothing, and Chromium shows each page at phone
// and desktop widths without overflow, console errors, failed requests or CSP violations.
import assert from 'node:assert/strict';
import { mkdir, readFile, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { feedparserMissing, readWithFeedparser, readWithPlanet, readWithSfeed, sfeedMissing } from '../../src/render/testdata/feed-readers.ts';
import { contrastFailures, horizontalOverflow, loadFully, openBrowser, watchProblems } from './browser.ts';
import { planet, publishDemo } from './publish-demo.ts';
import type { PublishedDemo } from './publish-demo.ts';
import { demoFeeds, expectedDemoEntries } from './server.ts';

// The demo config keeps the default items_per_page (60), so the output feeds carry every post.
const feedSize = 60;
const headings = expectedDemoEntries().map((e) => (e.title === undefined ? e.blog : `${e.blog}: ${e.title}`));
const artifacts = process.env.PLANET_ARTIFACTS_DIR ?? join(tmpdir(), 'planet-test-artifacts');

async function filesUnder(root: string, folder = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(root, folder), { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(root, path)));
    else out.push(path);
  }
  return out.sort();
}

describe('the published demo site', () => {
  let demo: PublishedDemo;
  before(async () => {
    demo = await publishDemo();
  });
  after(() => demo?.close());
  const read = (name: string): Promise<string> => readFile(join(demo.output, name), 'utf8');

  it('has every page and feed the issue lists', async () => {
    const files = await filesUnder(demo.output);
    for (const name of ['index.html', 'titles-only.html', 'summary.html', 'atom.xml', 'rss20.xml', 'rss10.xml', 'feed.json', 'opml.xml', 'foafroll.xml']) {
      assert.ok(files.includes(name), name);
    }
    // The front page shows every post (issue 2), so the archive pages are the monthly ones.
    assert.deepEqual(
      files.filter((f) => /^archive\/\d{4}\/\d{2}\/index\.html$/.test(f)),
      ['archive/2026/10/index.html', 'archive/2026/11/index.html'],
      'two monthly archive pages',
    );
    assert.equal(files.filter((f) => /^feeds\/[^/]+\/index\.html$/.test(f)).length, demoFeeds.length, 'a page per feed');
  });

  for (const name of ['atom.xml', 'rss20.xml', 'rss10.xml']) {
    it(`${name} reads back in our parser, feedparser (bozo = 0) and sfeed`, async (t) => {
      const xml = await read(name);
      // Atom titles are the post's own; RSS titles are "Source: Title", as Planet Python's.
      const expected = name === 'atom.xml' ? expectedDemoEntries().map((e) => e.title ?? e.blog) : headings;
      const ours = readWithPlanet(xml, `https://planet.example.org/${name}`);
      assert.deepEqual(ours.problems, []);
      assert.deepEqual(ours.titles, expected.slice(0, feedSize));
      if (feedparserMissing() === undefined) {
        const fp = readWithFeedparser(xml);
        assert.deepEqual(fp.problems, []);
        assert.deepEqual(fp.titles, expected.slice(0, feedSize));
      } else t.diagnostic(`feedparser not run: ${feedparserMissing()}`);
      if (sfeedMissing() === undefined) assert.deepEqual(readWithSfeed(xml).titles, expected.slice(0, feedSize));
      else t.diagnostic(`sfeed not run: ${sfeedMissing()}`);
    });
  }

  it('feed.json carries the newest entries as "Source: Title"', async () => {
    const feed = JSON.parse(await read('feed.json')) as { version: string; items: Array<{ title: string }> };
    assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
    assert.deepEqual(feed.items.map((i) => i.title), headings.slice(0, feedSize));
    const ours = readWithPlanet(JSON.stringify(feed), 'https://planet.example.org/feed.json');
    assert.deepEqual([ours.problems, ours.titles], [[], headings.slice(0, feedSize)], 'our parser reads it cleanly');
  });

  it('opml.xml lists exactly the subscriptions of the config', async () => {
    const opml = await read('opml.xml');
    const outlines = [...opml.matchAll(/<outline [^>]*text="([^"]*)"[^>]*xmlUrl="([^"]*)"/g)].map((m) => `${m[1]} ${m[2]}`);
    const config = await readFile(demo.config, 'utf8');
    const subscribed = [...config.matchAll(/url = "([^"]+)"\nname = "([^"]+)"/g)].map((m) => `${m[2]} ${m[1]}`);
    assert.deepEqual(outlines.sort(), subscribed.sort());
  });

  it('rewrites no file when `planet build` runs again with nothing changed', async () => {
    const identities = async (): Promise<string[]> =>
      Promise.all((await filesUnder(demo.output)).map(async (f) => `${f} ${(await stat(join(demo.output, f))).ino} ${(await stat(join(demo.output, f))).mtimeMs}`));
    const first = await planet(['build', '-c', demo.config]);
    assert.equal(first.code, 0, first.stderr);
    const before = await identities();
    const second = await planet(['build', '-c', demo.config]);
    assert.equal(second.code, 0, second.stderr);
    assert.deepEqual(await identities(), before);
  });

  describe('in Chromium', () => {
    const pages = ['', 'archive/2026/10/', 'archive/2026/11/', 'feeds/marta-kowalczyk/', 'titles-only.html', 'summary.html'];
    for (const width of [1280, 390]) {
      it(`at ${width} px: no overflow, console error, failed request or CSP violation on any page`, async () => {
        const browser = await openBrowser(width);
        try {
          const page = await browser.newPage();
          // jonas.xml carries a deliberately broken image (src="x" with an onerror payload) to
          // show the sanitizer at work; its 404 is the feed's doing, not the site's.
          const problems = watchProblems(page, [`${demo.feeds.origin}/feeds/x`]);
          for (const path of pages) {
            await loadFully(page, demo.site + path);
            const { overflow, culprits } = await horizontalOverflow(page);
            assert.ok(overflow <= 0, `/${path} overflows by ${overflow} px at ${width} px: ${culprits.join(', ')}`);
            if (path === '') {
              await mkdir(artifacts, { recursive: true });
              await page.screenshot({ path: join(artifacts, `demo-${width}.png`), fullPage: false });
            }
          }
          assert.deepEqual(problems, []);
        } finally {
          await browser.close();
        }
      });
    }

    it('has landmarks, one h1 and no skipped heading level, and keeps alt text', async () => {
      const browser = await openBrowser(1280);
      try {
        const page = await browser.newPage();
        await loadFully(page, demo.site);
        const outline = (await page.evaluate(
          `({ landmarks: ['header', 'nav', 'main', 'aside', 'footer'].filter((t) => document.querySelector('body ' + t)),
              levels: Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6')).map((h) => Number(h.tagName[1])),
              missingAlt: Array.from(document.images).filter((i) => !i.hasAttribute('alt')).length })`,
        )) as { landmarks: string[]; levels: number[]; missingAlt: number };
        assert.deepEqual(outline.landmarks, ['header', 'nav', 'main', 'aside', 'footer']);
        assert.equal(outline.levels.filter((l) => l === 1).length, 1, 'one h1');
        outline.levels.forEach((level, i) => assert.ok(i === 0 || level <= (outline.levels[i - 1] ?? 1) + 1, `heading ${i} skips a level`));
        assert.equal(outline.missingAlt, 0);
      } finally {
        await browser.close();
      }
    });

    for (const scheme of ['light', 'dark'] as const) {
      it(`meets WCAG AA text contrast in ${scheme} mode`, async () => {
        const browser = await openBrowser(1280, scheme);
        try {
          const page = await browser.newPage();
          for (const path of ['', 'titles-only.html']) {
            await loadFully(page, demo.site + path);
            assert.deepEqual(await contrastFailures(page), [], `/${path}`);
          }
        } finally {
          await browser.close();
        }
      });
    }

    it('shows where the keyboard focus is', async () => {
      const browser = await openBrowser(1280);
      try {
        const page = await browser.newPage();
        await loadFully(page, demo.site);
        await page.keyboard.press('Tab');
        await page.keyboard.press('Tab');
        const outline = (await page.evaluate('getComputedStyle(document.activeElement).outlineStyle')) as string;
        assert.notEqual(outline, 'none');
      } finally {
        await browser.close();
      }
    });

    it('follows the reader: dark colours under prefers-color-scheme: dark', async () => {
      const background = async (scheme: 'light' | 'dark'): Promise<string> => {
        const browser = await openBrowser(1280, scheme);
        try {
          const page = await browser.newPage();
          await loadFully(page, demo.site);
          return (await page.evaluate('getComputedStyle(document.body).backgroundColor')) as string;
        } finally {
          await browser.close();
        }
      };
      assert.notEqual(await background('dark'), await background('light'));
    });
  });
});

describe('the demo published with the classic theme', () => {
  let demo: PublishedDemo;
  before(async () => {
    demo = await publishDemo('classic');
  });
  after(() => demo?.close());

  for (const width of [1280, 390]) {
    it(`at ${width} px: no overflow, console error, failed request or CSP violation`, async () => {
      const browser = await openBrowser(width);
      try {
        const page = await browser.newPage();
        const problems = watchProblems(page, [`${demo.feeds.origin}/feeds/x`]);
        for (const path of ['', 'archive/2026/10/', 'feeds/jonas-feld/', 'titles-only.html']) {
          await loadFully(page, demo.site + path);
          const { overflow, culprits } = await horizontalOverflow(page);
          assert.ok(overflow <= 0, `/${path} overflows by ${overflow} px at ${width} px: ${culprits.join(', ')}`);
        }
        assert.match((await page.content()) ?? '', /class="banner"/, 'the classic frame is used');
        assert.deepEqual(await contrastFailures(page), [], 'WCAG AA text contrast');
        assert.deepEqual(problems, []);
      } finally {
        await browser.close();
      }
    });
  }
});
