// The detector must give an answer for every page, even one whose script never lets go of the
// renderer: without its page deadline such a page held the browser proof until CI's own limit.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LocalServer } from './local-server.ts';
import { serveDocuments } from './local-server.ts';
import type { Detector } from './script-detector.ts';
import { launchDetector } from './script-detector.ts';

const html = (body: string): { type: string; body: string } => ({ type: 'text/html; charset=utf-8', body: `<!doctype html><title>t</title>${body}` });

describe('script detector', () => {
  let server: LocalServer;
  let detector: Detector;

  before(async () => {
    server = await serveDocuments(
      new Map([
        // Spins forever once loaded, so nothing asked of the page after load ever answers.
        ['/spins.html', html('<article class="entry"><h3>a</h3></article><script>addEventListener("load", () => setTimeout(() => { for (;;) {} }, 0))</script>')],
        ['/quiet.html', html('<article class="entry"><h3>Source: Title</h3></article>')],
      ]),
    );
    detector = await launchDetector({ pageDeadlineMs: 3000 });
  });
  after(async () => {
    await detector?.close();
    await server?.close();
  });

  test('reports a page that never answers as stuck, naming the step, and goes on to the next', async () => {
    const spins = await detector.inspect(`${server.origin}/spins.html`);
    const stuck = spins.findings.filter((f) => f.kind === 'stuck');
    assert.equal(stuck.length, 1, JSON.stringify(spins.findings));
    assert.match(stuck[0]?.detail ?? '', /^no answer within 3 s while /);
    assert.equal(spins.entries, -1);
    // The script itself was seen too.
    assert.ok(spins.findings.some((f) => f.kind === 'script-parsed'));

    const quiet = await detector.inspect(`${server.origin}/quiet.html`);
    assert.deepEqual(quiet.findings, []);
    assert.equal(quiet.entries, 1);
    assert.deepEqual(quiet.headings, ['Source: Title']);
  });
});
