// Opens published pages in Chromium and reports every sign that script ran, or could run,
// on them. It is the judge of the browser proof, so a control run checks that it sees
// script when there is some (see xss-browser.test.ts).
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { chromium } from 'playwright-core';

/**
 * One sign of script. "latent" is script waiting in the DOM for an event (a handler, a
 * javascript: link); "stuck" is a page that did not let itself be read within the page deadline.
 */
export interface Finding {
  kind: 'canary' | 'dialog' | 'script-parsed' | 'page-error' | 'console' | 'navigation' | 'popup' | 'frame' | 'request' | 'latent' | 'stuck';
  detail: string;
}

/** What one page showed. */
export interface PageReport {
  url: string;
  findings: Finding[];
  /** `article.entry` elements on the page, to check that no input swallowed the rest of it. */
  entries: number;
  /** The text of each entry's heading ("Source: Title"), as the reader sees it. */
  headings: string[];
}

/** One Chromium with a fresh profile, for many pages. */
export interface Detector {
  inspect: (url: string) => Promise<PageReport>;
  close: () => Promise<void>;
}

const canaryUrl = 'planet-canary.js';

// How long reading one page may take. Playwright's evaluate() and close() wait without limit,
// so a page that never answers (script spinning, a renderer wedged) would hold the whole test
// until CI's own limit, naming nothing; past this it becomes a "stuck" finding naming the page
// and the step, and the detector moves on. A page takes well under a second here.
const PAGE_DEADLINE_MS = 60_000;
const CLOSE_DEADLINE_MS = 10_000;

/** Resolves to `undefined` after `ms`, unless `work` settles first; the timer never holds the process. */
async function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, ms, undefined);
    timer.unref();
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

// Plain browser JavaScript, read as text: the TypeScript here has no DOM types, and what runs
// in the page should be exactly what is on disk.
const auditDom = readFileSync(new URL('audit-dom.js', import.meta.url), 'utf8');

// Runs before any script of the page, in every frame: the dialog functions payloads call
// (however they spell the call) report to the test first, with a stack that names the line.
const canaryScript = `for (const name of ['alert', 'confirm', 'prompt', 'print']) {
  const original = window[name];
  window[name] = function (...args) {
    window.__planetCanary(name + '(' + args.map(String).join(', ') + ') ' + new Error().stack);
    return name === 'print' ? undefined : original.apply(this, args);
  };
}
//# sourceURL=${canaryUrl}`;

// Images and media may come from anywhere (the theme's CSP allows it, and aborting them keeps
// the test offline); every other request must stay on the site.
const foreignTypesAllowed = new Set(['image', 'media']);
const themeAssetTypes = new Set(['stylesheet', 'font', 'image', 'other']);

/** Launches Debian's Chromium the way CI can run it. `pageDeadlineMs`: see PAGE_DEADLINE_MS. */
export async function launchDetector(options: { pageDeadlineMs?: number } = {}): Promise<Detector> {
  const pageDeadlineMs = options.pageDeadlineMs ?? PAGE_DEADLINE_MS;
  const profile = await mkdtemp(join(tmpdir(), 'planet-chromium-'));
  // A browser that fails to start hands back no close(), so its profile goes here.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  }).catch(async (error: unknown) => {
    await rm(profile, { recursive: true, force: true });
    throw error;
  });
  // Findings by page, so that several pages can be read at once.
  const findingsOf = new WeakMap<Page, Finding[]>();
  await context.exposeBinding('__planetCanary', (source, message: string) => {
    findingsOf.get(source.page)?.push({ kind: 'canary', detail: message });
  });
  await context.addInitScript({ content: canaryScript });
  return {
    inspect: async (url) => {
      const findings: Finding[] = [];
      const progress = { step: 'opening a tab' };
      // Opening the tab is inside the deadline too: a wedged browser may not give one.
      const opened = context.newPage();
      const read = (async (): Promise<PageReport> => {
        const page = await opened;
        findingsOf.set(page, findings);
        const entries = await inspectPage(context, page, url, findings, progress);
        progress.step = 'reading the entry headings';
        const headings = entries < 0 ? [] : await page.locator('article.entry h3').allTextContents();
        return { url, findings, entries, headings };
      })();
      try {
        const report = await within(read, pageDeadlineMs);
        if (report !== undefined) return report;
        read.catch(() => undefined);
        findings.push({ kind: 'stuck', detail: `no answer within ${pageDeadlineMs / 1000} s while ${progress.step}` });
        return { url, findings: [...findings], entries: -1, headings: [] };
      } finally {
        // A wedged page may not close either; the context's close takes it down with the rest.
        const closed = opened.then((page) => page.close()).then(() => true, () => true);
        if ((await within(closed, CLOSE_DEADLINE_MS)) === undefined) {
          findings.push({ kind: 'stuck', detail: `the page did not close within ${CLOSE_DEADLINE_MS / 1000} s` });
        }
      }
    },
    close: async () => {
      const closed = context.close().then(() => true);
      if ((await within(closed, CLOSE_DEADLINE_MS * 3)) === undefined) {
        // Cleaning up is not what the proof tests: end the browser the hard way, and say so.
        const killed = await killProcessesOf(profile);
        console.error(`Chromium did not close within ${(CLOSE_DEADLINE_MS * 3) / 1000} s; killed its ${killed} processes`);
      }
      await rm(profile, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}

/** SIGKILLs every process started with `profile` as its Chromium user data directory; returns how many. */
async function killProcessesOf(profile: string): Promise<number> {
  let killed = 0;
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const commandLine = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (!commandLine.split('\0').includes(`--user-data-dir=${profile}`)) continue;
    try {
      process.kill(Number(pid), 'SIGKILL');
      killed += 1;
    } catch {
      // It exited meanwhile.
    }
  }
  return killed;
}

async function inspectPage(
  context: BrowserContext,
  page: Page,
  url: string,
  findings: Finding[],
  progress: { step: string },
): Promise<number> {
  const origin = new URL(url).origin;
  page.on('dialog', (dialog) => {
    findings.push({ kind: 'dialog', detail: `${dialog.type()}: ${dialog.message()}` });
    void dialog.dismiss().catch(() => undefined);
  });
  page.on('popup', (popup) => findings.push({ kind: 'popup', detail: `a new window opened: ${popup.url()}` }));
  page.on('pageerror', (error) => findings.push({ kind: 'page-error', detail: error.stack ?? error.message }));
  page.on('console', (message) => {
    // Chromium logs failed loads (our aborted images) itself; anything else came from script.
    if (message.type() === 'error' && message.text().startsWith('Failed to load resource')) return;
    findings.push({ kind: 'console', detail: `${message.type()}: ${message.text()}` });
  });
  page.on('frameattached', (frame) => findings.push({ kind: 'frame', detail: `a frame was attached: ${frame.url()}` }));
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame()) findings.push({ kind: 'frame', detail: `a frame navigated to ${frame.url()}` });
    else if (frame.url() !== url) findings.push({ kind: 'navigation', detail: `the page navigated to ${frame.url()}` });
  });
  progress.step = 'routing its requests';
  await page.route('**/*', async (route) => {
    const request = route.request();
    const problem = requestProblem(request, url, origin);
    if (problem !== undefined) findings.push({ kind: 'request', detail: problem });
    if (new URL(request.url()).origin === origin && problem === undefined) await route.continue();
    else await route.abort('blockedbyclient');
  });
  // Every script V8 compiles in the page's own world: inline handlers, javascript: URLs,
  // script elements. Playwright's helpers and the canary carry no page URL.
  const cdp = await context.newCDPSession(page);
  cdp.on('Debugger.scriptParsed', (event) => {
    const world = (event.executionContextAuxData as { isDefault?: boolean } | undefined)?.isDefault;
    if (world === true && event.url !== '' && event.url !== canaryUrl) {
      findings.push({ kind: 'script-parsed', detail: `${event.url}:${event.startLine + 1}:${event.startColumn + 1}` });
    }
  });
  progress.step = 'enabling the debugger';
  await cdp.send('Debugger.enable');
  try {
    progress.step = 'loading it';
    await page.goto(url, { waitUntil: 'load' });
    progress.step = 'waiting a frame after load';
    // One rendering frame and one task after load, so handlers queued by load (autofocus,
    // image errors) have run; whatever waits for a user is caught by the DOM audit instead.
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))');
    progress.step = 'auditing its DOM';
    for (const detail of (await page.evaluate(auditDom)) as string[]) findings.push({ kind: 'latent', detail });
    progress.step = 'counting its entries';
    return await page.locator('article.entry').count();
  } catch (error) {
    // Only a page that navigated or reloaded itself (script, or a meta refresh) gets here.
    findings.push({ kind: 'navigation', detail: `the page went away while being read: ${(error as Error).message.split('\n')[0]}` });
    return -1;
  }
}

function requestProblem(request: Request, pageUrl: string, origin: string): string | undefined {
  const target = new URL(request.url());
  const type = request.resourceType();
  if (target.origin !== origin) return foreignTypesAllowed.has(type) ? undefined : `${type} request to ${request.url()}`;
  const isPage = type === 'document' && request.url() === pageUrl;
  // The theme's own files: its stylesheet, fonts and icon (the favicon loads as "other").
  const isThemeAsset = themeAssetTypes.has(type) && target.pathname.startsWith('/assets/');
  return isPage || isThemeAsset || foreignTypesAllowed.has(type) ? undefined : `${type} request to ${request.url()}`;
}
