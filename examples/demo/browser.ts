// Chromium through playwright-core, as the site tests and the screenshot script drive it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';

/** Chromium as installed by Debian (and by .ci/run in CI). */
export const chromiumPath = '/usr/bin/chromium';

/** A persistent context in a fresh profile, at `width` px wide, in `colorScheme`. */
export async function openBrowser(width: number, colorScheme: 'light' | 'dark' = 'light'): Promise<BrowserContext> {
  const profile = await mkdtemp(join(tmpdir(), 'planet-chromium-'));
  // Retries: Chromium may still be writing to its profile for a moment while it shuts down.
  const removeProfile = (): Promise<void> => rm(profile, { recursive: true, force: true, maxRetries: 5 });
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width, height: 900 },
      colorScheme,
    });
  } catch (error) {
    await removeProfile();
    throw error;
  }
  // The profile lives exactly as long as the context, and callers only close the context, so
  // close() removes it too, and has finished removing it when it resolves. The 'close' event
  // comes before Chromium has exited (it still writes to the profile then), so it only covers
  // a browser that went away without close(), a crash: nobody awaits that removal, and a
  // failure there must not become an unhandled rejection on top of the crash.
  let closeCalled = false;
  context.once('close', () => {
    if (!closeCalled) removeProfile().catch(() => undefined);
  });
  const close = context.close.bind(context);
  context.close = async (options) => {
    closeCalled = true;
    await close(options);
    await removeProfile();
  };
  return context;
}

/**
 * Everything that went wrong while a page loaded: console errors (CSP violations among them),
 * failed or 4xx/5xx requests. `expected` names URLs whose failure is the content's own doing.
 */
export function watchProblems(page: Page, expected: readonly string[] = []): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (expected.includes(message.location().url)) return;
    if (message.type() === 'error' || /Content.Security.Policy/i.test(message.text())) problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    if (!expected.includes(request.url())) problems.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ''}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !expected.includes(response.url())) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

// Browser-side code is passed as source text: the project compiles without the DOM library.
const eagerImages = 'for (const img of document.images) img.loading = "eager"';
// Resolves once every image has loaded or failed. A promise awaited through page.evaluate, not
// page.waitForFunction: Playwright builds waitForFunction's predicate with eval inside the page,
// which the theme's CSP (script-src 'none') refuses whenever the first check is not already true.
const imagesDone = `Promise.all(Array.from(document.images).map((img) => img.complete ? null :
  new Promise((resolve) => { img.addEventListener('load', resolve); img.addEventListener('error', resolve); })))`;
const measureOverflow = `(() => {
  const width = document.documentElement.clientWidth;
  const culprits = Array.from(document.querySelectorAll('body *'))
    .filter((el) => el.getBoundingClientRect().right > width + 1)
    .slice(0, 5)
    .map((el) => el.tagName.toLowerCase() + '.' + el.className);
  return { overflow: document.documentElement.scrollWidth - width, culprits };
})()`;

/** Loads `url` with every lazy image made eager, and waits until every request is done. */
export async function loadFully(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(eagerImages);
  await page.evaluate(imagesDone);
  // The favicon is requested after load; leaving before it answers would abort it.
  await page.waitForLoadState('networkidle');
}

/** How far the page is wider than the viewport, in px, and the first elements that stick out. */
export async function horizontalOverflow(page: Page): Promise<{ overflow: number; culprits: string[] }> {
  return (await page.evaluate(measureOverflow)) as { overflow: number; culprits: string[] };
}

// WCAG 2.1 contrast (https://www.w3.org/TR/WCAG21/#contrast-minimum): 4.5:1 for text, 3:1 for
// large text (24 px, or 18.66 px bold). The background is the first opaque one up the tree.
const measureContrast = `(() => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c.slice(0, 3);
    }
    return rgb(getComputedStyle(document.documentElement).backgroundColor).slice(0, 3);
  };
  const failures = [];
  const seen = new Set();
  for (const el of document.querySelectorAll('body *')) {
    const own = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim() !== '');
    const box = el.getBoundingClientRect();
    if (!own || box.width === 0 || box.height === 0 || el.closest('.visually-hidden, .skip-link, pre, code')) continue;
    const style = getComputedStyle(el);
    const [l1, l2] = [lum(rgb(style.color)), lum(background(el))].sort((a, b) => b - a);
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const key = el.tagName + '.' + el.className + ' ' + style.color;
    if (ratio < (large ? 3 : 4.5) && !seen.has(key)) {
      seen.add(key);
      failures.push(key + ' on ' + background(el).join(',') + ': ' + ratio.toFixed(2));
    }
  }
  return failures;
})()`;

/** Text on the page whose contrast with its background is below WCAG AA. */
export async function contrastFailures(page: Page): Promise<string[]> {
  return (await page.evaluate(measureContrast)) as string[];
}
