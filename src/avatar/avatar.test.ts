import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseDocument } from 'htmlparser2';
import {
  avatarCandidates,
  avatarPath,
  avatarProblem,
  candidatesKey,
  initialsColour,
  initialsOf,
  initialsSvg,
  siteIconUrls,
  sniffImage,
} from './index.ts';

const fixture = (name: string): Buffer => readFileSync(new URL(`./testdata/${name}`, import.meta.url));

describe('sniffImage', () => {
  it('knows PNG, GIF and ICO by their bytes, and JPEG and WebP by their signatures', () => {
    assert.equal(sniffImage(fixture('face.png'))?.ext, 'png');
    assert.equal(sniffImage(fixture('pixel.gif'))?.ext, 'gif');
    assert.equal(sniffImage(fixture('favicon.ico'))?.ext, 'ico');
    assert.equal(sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))?.contentType, 'image/jpeg');
    assert.equal(sniffImage(Buffer.from('RIFF\x10\0\0\0WEBPVP8 ', 'latin1'))?.ext, 'webp');
  });

  it('does not trust anything else, whatever it claims to be', () => {
    assert.equal(sniffImage(Buffer.from('<html><body>Not found</body></html>')), undefined);
    assert.equal(sniffImage(Buffer.from('RIFF\x10\0\0\0WAVEfmt ', 'latin1')), undefined);
    // An ICO header that lists no image.
    assert.equal(sniffImage(Buffer.alloc(22)), undefined);
  });
});

describe('avatarProblem', () => {
  it('accepts a small raster image', () => {
    assert.equal(avatarProblem(fixture('face.png')), undefined);
  });

  it('refuses SVG, too-large, empty and non-image bodies, saying why', () => {
    const svg = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    assert.match(avatarProblem(svg) ?? '', /SVG/);
    const big = Buffer.concat([fixture('face.png'), Buffer.alloc(300 * 1024)]);
    assert.match(avatarProblem(big) ?? '', /more than the 204800 allowed/);
    assert.match(avatarProblem(Buffer.alloc(0)) ?? '', /empty/);
    assert.match(avatarProblem(Buffer.from('{"error":"no"}')) ?? '', /not a PNG/);
  });
});

describe('avatarCandidates', () => {
  const planetLink = 'https://planet.example.org/';

  it('orders the config avatar, the face, the feed image and the site', () => {
    const candidates = avatarCandidates({
      avatar: 'https://me.example/me.jpg',
      face: 'jane.png',
      planetLink,
      feedImage: 'https://blog.example/icon.png',
      siteLink: 'https://blog.example/',
    });
    assert.deepEqual(candidates, [
      { kind: 'image', source: 'avatar', url: 'https://me.example/me.jpg' },
      { kind: 'image', source: 'face', url: 'https://planet.example.org/images/jane.png' },
      { kind: 'image', source: 'feed', url: 'https://blog.example/icon.png' },
      { kind: 'site', url: 'https://blog.example/' },
    ]);
  });

  it('takes an absolute face as it is, and drops what is not http(s)', () => {
    const candidates = avatarCandidates({ face: 'https://faces.example/j.png', planetLink: 'https://p.example', feedImage: 'javascript:alert(1)', siteLink: 'ftp://x.example/' });
    assert.deepEqual(candidates, [{ kind: 'image', source: 'face', url: 'https://faces.example/j.png' }]);
    assert.deepEqual(avatarCandidates({ planetLink }), []);
  });

  it('keys the list so a changed source is noticed', () => {
    const a = candidatesKey(avatarCandidates({ planetLink, siteLink: 'https://a.example/' }));
    const b = candidatesKey(avatarCandidates({ planetLink, siteLink: 'https://a.example/', feedImage: 'https://a.example/i.png' }));
    assert.notEqual(a, b);
  });
});

describe('siteIconUrls', () => {
  it('lists touch icons before icons, resolved against the page and its <base>, then /favicon.ico', () => {
    const html = `<!doctype html><html><head>
      <link rel="stylesheet" href="/s.css">
      <link rel="icon" type="image/png" href="/static/icon-32.png">
      <LINK REL="Apple-Touch-Icon" HREF="touch.png">
      <link rel="icon" type="image/svg+xml" href="/icon.svg">
      <link rel="mask-icon" href="/mask.svg">
      <link rel="shortcut icon" href="javascript:alert(1)">
      </head><body><link rel="icon" href="/late.png"></body></html>`;
    assert.deepEqual(siteIconUrls(html, 'https://blog.example/posts/'), [
      'https://blog.example/posts/touch.png',
      'https://blog.example/static/icon-32.png',
      'https://blog.example/favicon.ico',
    ]);
    const based = '<head><base href="https://cdn.example/assets/"><link rel="icon" href="fav.png"></head>';
    assert.deepEqual(siteIconUrls(based, 'https://blog.example/'), ['https://cdn.example/assets/fav.png', 'https://blog.example/favicon.ico']);
  });

  it('falls back to /favicon.ico for a page that names none', () => {
    assert.deepEqual(siteIconUrls('<p>hello', 'http://127.0.0.5:8080/blog/'), ['http://127.0.0.5:8080/favicon.ico']);
  });
});

describe('initials', () => {
  it('takes the first letters of the first two words', () => {
    assert.equal(initialsOf('Jane Doe'), 'JD');
    assert.equal(initialsOf('  planet   python  news'), 'PP');
    assert.equal(initialsOf('élodie'), 'É');
    assert.equal(initialsOf('Лев Толстой'), 'ЛТ');
    assert.equal(initialsOf('!!!'), '?');
  });

  it('gives the same name the same colour, dark enough for white text', () => {
    assert.equal(initialsColour('Jane Doe'), initialsColour('Jane Doe'));
    assert.notEqual(initialsColour('Jane Doe'), initialsColour('John Roe'));
    for (const name of ['a', 'b', 'Jane Doe', 'Planet', 'x'.repeat(40), 'zeta', 'Ωmega']) {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(initialsColour(name).slice(i, i + 2), 16) / 255);
      const lin = (v: number): number => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      const luminance = 0.2126 * lin(r ?? 0) + 0.7152 * lin(g ?? 0) + 0.0722 * lin(b ?? 0);
      assert.ok(1.05 / (luminance + 0.05) >= 4.5, `${name}: ${initialsColour(name)}`);
    }
  });

  it('escapes the name: the SVG holds text, never markup from it', () => {
    const svg = initialsSvg('<script>alert(1)</script> & "Co"');
    const doc = parseDocument(svg, { xmlMode: true });
    const tags = new Set<string>();
    const walk = (nodes: typeof doc.children): void => {
      for (const node of nodes) {
        if ('name' in node) tags.add(node.name);
        if ('children' in node) walk(node.children);
      }
    };
    walk(doc.children);
    assert.deepEqual([...tags].sort(), ['rect', 'svg', 'text', 'title']);
    assert.match(svg, /<title>&#60;script&#62;alert\(1\)&#60;\/script&#62; &#38; &#34;Co&#34;<\/title>/);
    assert.match(svg, />SA<\/text>/);
  });
});

describe('avatarPath', () => {
  it('names a file by its content and extension', () => {
    assert.match(avatarPath(fixture('face.png'), 'png'), /^avatars\/[0-9a-f]{20}\.png$/);
    assert.equal(avatarPath('x', 'svg'), avatarPath(Buffer.from('x'), 'svg'));
    assert.notEqual(avatarPath('x', 'svg'), avatarPath('y', 'svg'));
  });
});
