// The sanitize options from planet.toml to the HTML they produce: [sanitize] for the planet,
// the same keys in [[feeds]] for one feed. Here because it joins the config and sanitize stages.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseConfig, sections } from '../config/index.ts';
import { ConfigError } from '../model/index.ts';
import type { PlanetConfig } from '../model/index.ts';
import { ALLOWABLE_ATTRIBUTES, ALLOWABLE_ELEMENTS, createSanitizePolicy, DEFAULT_VIDEO_HOSTS, sanitizeHtml } from '../sanitize/index.ts';

const head = '[planet]\nname = "P"\nlink = "https://planet.example/"\n';

function config(text: string): PlanetConfig {
  return parseConfig(head + text, '/srv/planet/planet.toml');
}

/** Sanitizes `html` as the pipeline would for feed `index` of `planet`. */
function sanitizeFor(planet: PlanetConfig, index: number, html: string): string {
  const feed = planet.feeds[index];
  return sanitizeHtml(html, { policy: createSanitizePolicy(planet.sanitize, feed?.sanitize) });
}

const video = '<iframe src="https://www.youtube-nocookie.com/embed/abc" width="560" onload="x()">old browsers</iframe>';
const peertube = '<iframe src="https://videos.example.org/videos/embed/123"></iframe>';

describe('sanitize options from planet.toml', () => {
  test('without [sanitize], the defaults: no iframes, no class, trackers removed', () => {
    const planet = config('[[feeds]]\nurl = "https://a.example/feed"\n');
    const html = `<p class="x">p</p>${video}<img src="https://feeds.feedburner.com/~r/a/~4/b" width="1" height="1">`;
    assert.equal(sanitizeFor(planet, 0, html), '<p>p</p>');
  });

  test('embed_videos keeps sandboxed frames from the listed hosts only; a feed adds a PeerTube host', () => {
    const planet = config(
      '[sanitize]\nembed_videos = true\n\n[[feeds]]\nurl = "https://a.example/feed"\n\n' +
        '[[feeds]]\nurl = "https://b.example/feed"\nvideo_hosts = ["videos.example.org"]\n',
    );
    const kept =
      '<iframe src="https://www.youtube-nocookie.com/embed/abc" width="560" ' +
      'sandbox="allow-scripts allow-same-origin allow-popups allow-presentation" loading="lazy" ' +
      'referrerpolicy="strict-origin-when-cross-origin"></iframe>';
    assert.equal(sanitizeFor(planet, 0, video + peertube), kept);
    assert.match(sanitizeFor(planet, 1, peertube), /^<iframe src="https:\/\/videos\.example\.org\/videos\/embed\/123" sandbox=/);
    // Not https, or a host not listed: dropped with the fallback text.
    assert.equal(sanitizeFor(planet, 0, '<iframe src="http://www.youtube.com/embed/x">t</iframe><iframe src="https://evil.example/">t</iframe>'), '');
    assert.equal(sanitizeFor(planet, 0, '<iframe srcdoc="<script>alert(1)</script>"></iframe>'), '');
  });

  test('a feed can turn embed_videos off again, and trackers back on', () => {
    const planet = config(
      '[sanitize]\nembed_videos = true\nremove_trackers = false\n\n' +
        '[[feeds]]\nurl = "https://a.example/feed"\nembed_videos = false\nremove_trackers = true\n\n' +
        '[[feeds]]\nurl = "https://b.example/feed"\n',
    );
    const pixel = '<img src="https://pixel.example/p.gif" width="1" height="1">';
    assert.equal(sanitizeFor(planet, 0, video + pixel), '');
    assert.match(sanitizeFor(planet, 1, video + pixel), /^<iframe .*<img src="https:\/\/pixel\.example\/p\.gif"/);
  });

  test('allow and deny lists widen and narrow the allowlist; feed lists add to the planet\'s', () => {
    const planet = config(
      '[sanitize]\nallow_elements = ["dfn"]\nallow_attributes = ["class"]\ndeny_elements = ["img"]\n\n' +
        '[[feeds]]\nurl = "https://a.example/feed"\nallow_attributes = ["lang"]\ndeny_attributes = ["title"]\n\n' +
        '[[feeds]]\nurl = "https://b.example/feed"\n',
    );
    const html = '<p class="c" lang="en"><dfn title="t">term</dfn> <a href="https://x.example/" title="t">l</a><img src="https://x.example/i.png"></p>';
    assert.equal(sanitizeFor(planet, 0, html), '<p class="c" lang="en"><dfn>term</dfn> <a href="https://x.example/" rel="noopener noreferrer">l</a></p>');
    assert.equal(sanitizeFor(planet, 1, html), '<p class="c"><dfn>term</dfn> <a href="https://x.example/" title="t" rel="noopener noreferrer">l</a></p>');
  });

  test('names outside the safe lists are refused with the file, the key and the choices', () => {
    const planet = config('[sanitize]\nallow_elements = ["script"]\nallow_attributes = ["onclick", "style"]\n\n[[feeds]]\nurl = "https://a.example/feed"\n');
    assert.throws(
      () => createSanitizePolicy(planet.sanitize, undefined, '/srv/planet/planet.toml'),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.code === 'config-invalid' &&
        /planet\.toml/.test(error.message) &&
        /allow_elements: "script" is not one of address,/.test(error.message) &&
        /allow_attributes: "onclick"/.test(error.message) &&
        /allow_attributes: "style"/.test(error.message),
    );
  });

  test('the config reference lists the names the sanitizer accepts', () => {
    // config/ cannot import sanitize/, so the lists are written out there; this keeps them equal.
    const fields = sections.find((section) => section.name === 'sanitize')?.fields ?? {};
    const listed = (key: string): string[] => (fields[key]?.doc.split(': ')[1] ?? '').replace(/\.$/, '').split(', ').sort();
    assert.deepEqual(listed('allow_elements'), [...ALLOWABLE_ELEMENTS].sort());
    assert.deepEqual(listed('allow_attributes'), [...ALLOWABLE_ATTRIBUTES].sort());
    for (const host of DEFAULT_VIDEO_HOSTS) assert.ok(fields.video_hosts?.doc.includes(host), host);
  });

  test('wrong types are reported by the config loader', () => {
    assert.throws(() => config('[sanitize]\nallow_elements = "dfn"\nembed_videos = "yes"\n'), (error: unknown) =>
      error instanceof ConfigError && /\[sanitize\] allow_elements/.test(error.message) && /\[sanitize\] embed_videos/.test(error.message));
  });
});
