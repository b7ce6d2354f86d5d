// Avatars and the health page, end to end (issue 9): feeds on their own loopback hosts
// (127.0.0.x, so each site has its own /favicon.ico) -> two updates -> build -> the published
// pages, opened in Chromium. Every avatar must be a local file of the site; health.html must
// load with no console error, failed request or CSP violation, and its sparklines must show
// the runs (a feed whose last run failed shows that last).
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { contrastFailures, horizontalOverflow, loadFully, openBrowser, watchProblems } from '../../examples/demo/browser.ts';
import { loadConfig } from '../config/index.ts';
import { buildSite, updatePlanet } from '../pipeline/index.ts';
import { openStore } from '../store/index.ts';
import type { AvatarRecord } from '../store/index.ts';

const image = (name: string): Buffer => readFileSync(new URL(`../avatar/testdata/${name}`, import.meta.url));
const png = image('face.png');
const touchIcon = image('touch-icon.png');
const favicon = image('favicon.ico');
const gif = image('pixel.gif');
// A real PNG header followed by padding: sniffs as PNG, but is over the 200 KB cap.
const hugePng = Buffer.concat([png, Buffer.alloc(300 * 1024)]);
const scriptSvg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';

type Reply = { status?: number; type?: string; body: string | Buffer };

/** One site on its own loopback address; `routes` may change between runs. */
interface Site {
  origin: string;
  routes: Map<string, Reply>;
  seen: string[];
  server: Server;
}

async function startSite(ip: string): Promise<Site> {
  const routes = new Map<string, Reply>();
  const seen: string[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    seen.push(path);
    const reply = routes.get(path);
    if (reply === undefined) res.writeHead(404, { 'content-type': 'text/html' }).end('<p>Not found</p>');
    else res.writeHead(reply.status ?? 200, { 'content-type': reply.type ?? 'application/octet-stream' }).end(reply.body);
  });
  server.listen(0, ip);
  await once(server, 'listening');
  return { origin: `http://${ip}:${(server.address() as AddressInfo).port}`, routes, seen, server };
}

const rss = (site: Site, title: string, extra = ''): Reply => ({
  type: 'application/rss+xml',
  body: `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>${site.origin}/</link>${extra}
<item><title>${title} post</title><link>${site.origin}/1</link><guid>${site.origin}/1</guid><pubDate>Mon, 30 Nov 2026 10:00:00 GMT</pubDate></item>
</channel></rss>`,
});

const atom = (site: Site, title: string, icon: string): Reply => ({
  type: 'application/atom+xml',
  body: `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${title}</title><id>${site.origin}/</id>
<link rel="alternate" href="${site.origin}/"/><icon>${icon}</icon><updated>2026-11-30T10:00:00Z</updated>
<entry><title>${title} post</title><id>${site.origin}/1</id><link href="${site.origin}/1"/><updated>2026-11-30T10:00:00Z</updated></entry></feed>`,
});

const html = (head: string): Reply => ({ type: 'text/html; charset=utf-8', body: `<!doctype html><html><head>${head}</head><body>Hi</body></html>` });

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
};

/** Serves the published site with the types a web server gives these extensions. */
async function serveSite(root: string): Promise<{ origin: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const relative = normalize(decodeURIComponent(path.endsWith('/') ? `${path}index.html` : path));
    readFile(join(root, relative)).then(
      (body) => res.writeHead(200, { 'content-type': types[extname(relative)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('avatars and health.html, end to end', () => {
  const sites: Record<string, Site> = {};
  let dir = '';
  let output = '';
  let avatars: AvatarRecord[] = [];
  let feedIds = new Map<string, number>();
  let browser: BrowserContext | undefined;
  let published: { origin: string; server: Server } | undefined;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'planet-avatars-'));
    output = join(dir, 'output');
    const names = ['iconic', 'touch', 'favicon', 'nothing', 'huge', 'svg', 'configured', 'flaky'];
    for (const [i, name] of names.entries()) sites[name] = await startSite(`127.0.0.${i + 20}`);
    const s = (name: string): Site => sites[name] as Site;

    s('iconic').routes.set('/feed', atom(s('iconic'), 'Iconic', `${s('iconic').origin}/icon.png`));
    s('iconic').routes.set('/icon.png', { type: 'image/png', body: png });
    s('touch').routes.set('/feed', rss(s('touch'), 'Touch'));
    s('touch').routes.set('/', html('<link rel="icon" href="/small.png"><link rel="apple-touch-icon" href="/touch.png">'));
    s('touch').routes.set('/touch.png', { type: 'image/png', body: touchIcon });
    s('favicon').routes.set('/feed', rss(s('favicon'), 'Favicon'));
    s('favicon').routes.set('/', html('<title>No icons named</title>'));
    s('favicon').routes.set('/favicon.ico', { type: 'image/vnd.microsoft.icon', body: favicon });
    s('nothing').routes.set('/feed', rss(s('nothing'), 'Nothing At All'));
    // Too large: the next candidate, the site's favicon, stands in.
    s('huge').routes.set('/feed', rss(s('huge'), 'Huge', `<image><url>${s('huge').origin}/huge.png</url><title>Huge</title><link>${s('huge').origin}/</link></image>`));
    s('huge').routes.set('/huge.png', { type: 'image/png', body: hugePng });
    s('huge').routes.set('/favicon.ico', { type: 'image/x-icon', body: favicon });
    // SVG (with script) claiming to be a PNG, and a favicon that is an HTML page: initials.
    s('svg').routes.set('/feed', atom(s('svg'), 'Svg Sender', `${s('svg').origin}/logo.png`));
    s('svg').routes.set('/logo.png', { type: 'image/png', body: scriptSvg });
    s('svg').routes.set('/favicon.ico', { type: 'image/x-icon', body: '<html><body>Sorry</body></html>' });
    s('configured').routes.set('/feed', rss(s('configured'), 'Configured'));
    s('configured').routes.set('/me.gif', { type: 'image/gif', body: gif });
    s('flaky').routes.set('/feed', rss(s('flaky'), 'Flaky'));

    const feeds = [
      ['iconic', 'Iconic'],
      ['touch', 'Touch'],
      ['favicon', 'Favicon'],
      ['nothing', 'Nothing At All'],
      ['huge', 'Huge'],
      ['svg', 'Svg <Sender>'],
      ['configured', 'Configured'],
      ['flaky', 'Flaky'],
    ]
      .map(([key, name]) => {
        const avatar = key === 'configured' ? `avatar = "${s('configured').origin}/me.gif"\n` : '';
        return `[[feeds]]\nurl = "${s(key as string).origin}/feed"\nname = "${name}"\n${avatar}`;
      })
      .join('\n');
    await writeFile(
      join(dir, 'planet.toml'),
      `[planet]\nname = "Avatar Planet"\nlink = "https://planet.example.org/"\n\n[fetch]\ntimeout = 10\nallow_private_networks = true\n\n${feeds}`,
    );
    const config = await loadConfig(join(dir, 'planet.toml'));
    const store = await openStore(config.planet.database);
    try {
      await updatePlanet(config, store, { now: () => new Date('2026-11-30T11:00:00Z') });
      // The second run: Flaky fails; nobody's avatar is fetched again (checked within the week).
      s('flaky').routes.set('/feed', { status: 500, type: 'text/plain', body: 'down' });
      await updatePlanet(config, store, { now: () => new Date('2026-11-30T12:00:00Z') });
      await buildSite(config, store, { now: new Date('2026-11-30T12:05:00Z') });
      const classic = fileURLToPath(new URL('../../themes/classic/', import.meta.url));
      await buildSite({ ...config, planet: { ...config.planet, themeDir: classic, outputDir: join(output, 'classic') } }, store, { now: new Date('2026-11-30T12:05:00Z') });
      avatars = await store.listAvatars();
      feedIds = new Map((await store.listFeeds()).map((f) => [f.name, f.id]));
    } finally {
      await store.close();
    }
    published = await serveSite(output);
    browser = await openBrowser(1200);
  });

  after(async () => {
    await browser?.close();
    for (const server of [...Object.values(sites).map((site) => site.server), published?.server]) {
      server?.closeAllConnections();
      server?.close();
    }
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  const sourceOf = (name: string): string | undefined => avatars.find((a) => a.feedId === feedIds.get(name))?.sourceUrl;

  it('chose each feed\'s picture in order: avatar, feed icon, touch icon, favicon, else initials', () => {
    const s = (name: string): string => (sites[name] as Site).origin;
    assert.equal(sourceOf('Configured'), `${s('configured')}/me.gif`);
    assert.equal(sourceOf('Iconic'), `${s('iconic')}/icon.png`);
    assert.equal(sourceOf('Touch'), `${s('touch')}/touch.png`);
    assert.equal(sourceOf('Favicon'), `${s('favicon')}/favicon.ico`);
    assert.equal(sourceOf('Huge'), `${s('huge')}/favicon.ico`, 'the too-large image fell back to the favicon');
    assert.equal(sourceOf('Nothing At All'), undefined);
    assert.equal(sourceOf('Svg <Sender>'), undefined);
    const svgError = avatars.find((a) => a.feedId === feedIds.get('Svg <Sender>'))?.error ?? '';
    assert.match(svgError, /logo\.png: it is SVG/);
    assert.match(svgError, /favicon\.ico: it is not a PNG, JPEG, GIF, WebP or ICO image/);
    assert.match(avatars.find((a) => a.feedId === feedIds.get('Huge'))?.error ?? '', /huge\.png: .*(too large|bytes|limit)/i);
  });

  it('fetched each image once over the two runs', () => {
    assert.equal((sites.iconic as Site).seen.filter((p) => p === '/icon.png').length, 1);
    assert.equal((sites.touch as Site).seen.filter((p) => p === '/').length, 1);
  });

  it('published every avatar as a local file, and no page points an <img> elsewhere', async () => {
    const pages = (await readdir(output, { recursive: true, encoding: 'utf8' })).filter((f) => f.endsWith('.html'));
    assert.ok(pages.includes('health.html') && pages.includes('index.html'));
    let images = 0;
    for (const page of pages) {
      const text = await readFile(join(output, page), 'utf8');
      for (const [, src] of text.matchAll(/<img\b[^>]*\bsrc="([^"]*)"/g)) {
        images++;
        assert.doesNotMatch(src ?? '', /^[a-z]+:|^\/\//i, `${page}: <img src="${src}"> is not local`);
        const file = join(output, page, '..', src ?? '');
        assert.ok((await readFile(file)).length > 0, `${page}: ${src} does not exist`);
      }
    }
    assert.ok(images >= 16, `only ${images} avatar images found`);
    const files = await readdir(join(output, 'avatars'));
    const bytes = await Promise.all(files.map((f) => readFile(join(output, 'avatars', f))));
    assert.ok(bytes.some((b) => b.equals(touchIcon)) && bytes.some((b) => b.equals(favicon)) && bytes.some((b) => b.equals(gif)));
    assert.ok(!bytes.some((b) => b.includes('<script')), 'the remote SVG was not published');
    assert.ok(files.filter((f) => f.endsWith('.svg')).length >= 3, 'initials for Nothing, Svg and Flaky');
  });

  it('health.html opens in Chromium with no console error, failed request or CSP violation', async () => {
    assert.ok(browser && published);
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await loadFully(page, `${published.origin}/health.html`);
    assert.deepEqual(problems, []);
    const broken = (await page.evaluate('Array.from(document.images).filter((i) => i.naturalWidth === 0).map((i) => i.src)')) as string[];
    assert.deepEqual(broken, [], 'every avatar decodes');
    const rows = (await page.evaluate(
      `Array.from(document.querySelectorAll('tbody tr')).map((tr) => ({
        name: tr.querySelector('th a').textContent,
        label: tr.querySelector('svg.sparkline').getAttribute('aria-label'),
        last: Array.from(tr.querySelectorAll('rect')).map((r) => r.getAttribute('class')).pop(),
        status: tr.querySelector('.health').textContent,
      }))`,
    )) as Array<{ name: string; label: string; last: string; status: string }>;
    const flaky = rows.find((r) => r.name === 'Flaky');
    assert.deepEqual(flaky, { name: 'Flaky', label: 'last 2 runs: 1 ok, 1 failed', last: 'run run-failed', status: 'failing (1 run in a row)' });
    assert.equal(rows[0]?.name, 'Flaky', 'the failing feed comes first');
    const iconic = rows.find((r) => r.name === 'Iconic');
    assert.equal(iconic?.label, 'last 2 runs: 2 ok, 0 failed');
    assert.equal(rows.length, 8);
    await page.close();
  });

  it('the classic theme\'s health.html opens cleanly too and shows the same runs', async () => {
    assert.ok(browser && published);
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await loadFully(page, `${published.origin}/classic/health.html`);
    assert.deepEqual(problems, []);
    const label = await page.getAttribute('tr:has(a:text-is("Flaky")) svg.sparkline', 'aria-label');
    assert.equal(label, 'last 2 runs: 1 ok, 1 failed');
    assert.equal(await page.getAttribute('.menu a[href="health.html"]', 'href'), 'health.html');
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`health.html fits a 390 px screen and meets WCAG AA text contrast in ${scheme} mode, in both themes`, async () => {
      assert.ok(published);
      const narrow = await openBrowser(390, scheme);
      try {
        const page = await narrow.newPage();
        const problems = watchProblems(page);
        for (const path of ['health.html', 'classic/health.html']) {
          await loadFully(page, `${published.origin}/${path}`);
          const { overflow, culprits } = await horizontalOverflow(page);
          assert.ok(overflow <= 0, `${path} overflows by ${overflow} px: ${culprits.join(', ')}`);
          assert.deepEqual(await contrastFailures(page), [], path);
        }
        assert.deepEqual(problems, []);
      } finally {
        await narrow.close();
      }
    });
  }

  it('the front page shows the local avatars, and links to health.html from the sidebar', async () => {
    assert.ok(browser && published);
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await loadFully(page, `${published.origin}/`);
    assert.deepEqual(problems, []);
    const sources = (await page.evaluate('Array.from(document.images).map((i) => [i.src, i.naturalWidth])')) as Array<[string, number]>;
    assert.ok(sources.length >= 7);
    for (const [src, width] of sources) {
      assert.ok(src.startsWith(`${published.origin}/avatars/`), src);
      assert.ok(width > 0, `${src} did not decode`);
    }
    assert.equal(await page.getAttribute('.sidebar a[href="health.html"]', 'href'), 'health.html');
    await page.close();
  });
});
