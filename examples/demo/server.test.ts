import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { Parser } from 'htmlparser2';
import { ConfigError } from '../../src/model/index.ts';
import type { DemoEntry, DemoServer } from './server.ts';
import { demoBlogs, demoFeeds, demoFeedUrl, expectedDemoEntries, startDemoServer } from './server.ts';

async function withServer(run: (server: DemoServer) => Promise<void>): Promise<void> {
  const server = await startDemoServer();
  try {
    await run(server);
  } finally {
    await server.close();
  }
}

interface FeedFacts {
  root: string | undefined;
  entries: Array<{ title: string | undefined; date: string | undefined }>;
  problems: string[];
  /** Every text node, decoded once by the XML parser: what a feed parser hands on as HTML. */
  text: string;
}

// htmlparser2 is tolerant, so the strictness lives here: every element must be closed by its
// own end tag or be self-closing, and every '&' outside CDATA must start an XML entity.
function readFeed(xml: string): FeedFacts {
  const facts: FeedFacts = { root: undefined, entries: [], problems: [], text: '' };
  const stack: string[] = [];
  let entry: { title: string | undefined; date: string | undefined; updated?: string } | undefined;
  let text = '';
  const parser: Parser = new Parser(
    {
      onopentag(name) {
        facts.root ??= name;
        stack.push(name);
        if (name === 'item' || name === 'entry') entry = { title: undefined, date: undefined };
        text = '';
      },
      ontext(chunk) {
        text += chunk;
        facts.text += chunk;
      },
      onclosetag(name) {
        const raw = xml.slice(parser.startIndex, parser.endIndex + 1);
        if (!new RegExp(`^</${name}\\s*>$`).test(raw) && !(raw.startsWith(`<${name}`) && raw.endsWith('/>'))) {
          facts.problems.push(`<${name}> is not closed by its own end tag (near offset ${parser.startIndex})`);
        }
        stack.pop();
        const parent = stack.at(-1);
        if (entry !== undefined && (parent === 'item' || parent === 'entry')) {
          if (name === 'title') entry.title = text.trim();
          if (name === 'pubDate' || name === 'published') entry.date = text.trim();
          if (name === 'updated') entry.updated = text.trim();
        }
        if (entry !== undefined && (name === 'item' || name === 'entry')) {
          facts.entries.push({ title: entry.title, date: entry.date ?? entry.updated });
          entry = undefined;
        }
      },
    },
    { xmlMode: true },
  );
  parser.end(xml);
  const outsideCdata = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  const badAmpersand = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.exec(outsideCdata);
  if (badAmpersand !== null) facts.problems.push(`a bare '&' near offset ${badAmpersand.index}`);
  return facts;
}

function byDate(a: DemoEntry, b: DemoEntry): number {
  return a.date.localeCompare(b.date);
}

test('serves every feed with the origin filled in and its format in Content-Type', async () => {
  await withServer(async ({ origin }) => {
    for (const blog of demoBlogs) {
      const res = await fetch(demoFeedUrl(origin, blog.file));
      assert.equal(res.status, 200, blog.file);
      assert.equal(res.headers.get('content-type'), `application/${blog.format}+xml; charset=utf-8`);
      const body = await res.text();
      assert.ok(body.includes(`${origin}/blogs/${blog.slug}/`), `${blog.file} names its site on ${origin}`);
      assert.ok(!body.includes('{{origin}}'), `${blog.file} has no placeholder left`);
    }
  });
});

test('answers 304 to a matching If-None-Match or a current If-Modified-Since, 200 otherwise', async () => {
  await withServer(async (server) => {
    const url = demoFeedUrl(server.origin, 'olu.xml');
    const first = await fetch(url);
    const body = Buffer.from(await first.arrayBuffer());
    const etag = first.headers.get('etag') ?? '';
    const lastModified = first.headers.get('last-modified') ?? '';
    assert.equal(first.status, 200);
    assert.match(etag, /^"[^"]+"$/, 'a strong ETag');
    assert.equal(etag, `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`);
    assert.equal(lastModified, 'Sun, 29 Nov 2026 18:00:00 GMT');

    const byTag = await fetch(url, { headers: { 'if-none-match': etag } });
    assert.equal(byTag.status, 304);
    assert.equal(byTag.headers.get('etag'), etag);
    assert.equal((await byTag.arrayBuffer()).byteLength, 0);
    const byDate = await fetch(url, { headers: { 'if-modified-since': lastModified } });
    assert.equal(byDate.status, 304);

    const otherTag = await fetch(url, { headers: { 'if-none-match': '"something-else"' } });
    assert.equal(otherTag.status, 200);
    await otherTag.arrayBuffer();
    const olderDate = await fetch(url, { headers: { 'if-modified-since': 'Fri, 20 Nov 2026 00:00:00 GMT' } });
    assert.equal(olderDate.status, 200);
    assert.deepEqual(Buffer.from(await olderDate.arrayBuffer()), body);

    assert.deepEqual(server.stats(), { requests: 5, ok: 3, notModified: 2, notFound: 0 });
  });
});

test('gives the same feed a different ETag on a different origin', async () => {
  const first = await startDemoServer();
  const second = await startDemoServer();
  try {
    const a = await fetch(demoFeedUrl(first.origin, 'marta.xml'));
    const b = await fetch(demoFeedUrl(second.origin, 'marta.xml'));
    await Promise.all([a.arrayBuffer(), b.arrayBuffer()]);
    assert.notEqual(a.headers.get('etag'), b.headers.get('etag'));
  } finally {
    await Promise.all([first.close(), second.close()]);
  }
});

test('answers 404 to unknown paths and 405 to methods other than GET and HEAD', async () => {
  await withServer(async (server) => {
    const unknown = [
      '/',
      '/feeds/',
      '/feeds/nobody.xml',
      '/images/missing.svg',
      '/blogs/nobody/',
      '/blogs/olu/images/x.png',
      '/etc/passwd',
    ];
    for (const path of unknown) {
      const res = await fetch(`${server.origin}${path}`);
      assert.equal(res.status, 404, path);
      await res.arrayBuffer();
    }
    const post = await fetch(demoFeedUrl(server.origin, 'olu.xml'), { method: 'POST', body: 'x' });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, HEAD');
    await post.arrayBuffer();
    assert.deepEqual(server.stats(), { requests: unknown.length + 1, ok: 0, notModified: 0, notFound: unknown.length });
  });
});

test('serves images with their type, also where relative image paths resolve', async () => {
  await withServer(async ({ origin }) => {
    const svgPaths = ['/images/snake.svg', '/feeds/images/tree.svg', '/blogs/olu/images/shell.svg'];
    for (const path of svgPaths) {
      const res = await fetch(`${origin}${path}`);
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('content-type'), 'image/svg+xml');
      assert.match(await res.text(), /^<svg /);
    }
    const png = await fetch(`${origin}/images/plot.png`);
    assert.equal(png.headers.get('content-type'), 'image/png');
    assert.deepEqual([...new Uint8Array(await png.arrayBuffer()).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  });
});

test('serves a small HTML page for any path under a known blog, and HEAD without a body', async () => {
  await withServer(async ({ origin }) => {
    const res = await fetch(`${origin}/blogs/hannah/2026/11/extract-function/`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
    const html = await res.text();
    assert.match(html, /<title>Refactor Street<\/title>/);
    assert.match(html, /href="\/feeds\/hannah\.xml"/);

    const head = await fetch(`${origin}/blogs/jonas/`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.ok(Number(head.headers.get('content-length')) > 0);
    assert.equal((await head.arrayBuffer()).byteLength, 0);
    // The page names the blog in HTML, so "Bytes & Bobs" must arrive escaped.
    assert.match(await (await fetch(`${origin}/blogs/jonas/`)).text(), /Bytes &amp; Bobs/);
  });
});

test('listens only on loopback addresses', async () => {
  for (const host of ['0.0.0.0', '192.168.1.10', '::', 'example.com']) {
    await assert.rejects(
      startDemoServer({ host }),
      (error: unknown) => error instanceof ConfigError && error.code === 'config-invalid',
      host,
    );
  }
  const server = await startDemoServer({ host: '127.0.0.1' });
  await server.close();
  assert.match(server.origin, /^http:\/\/127\.0\.0\.1:\d+$/);
});

test('every feed file is well-formed and lists exactly its posts in expectedDemoEntries', async () => {
  const expected = expectedDemoEntries();
  let seen = 0;
  for (const blog of demoBlogs) {
    const xml = await readFile(new URL(`./feeds/${blog.file}`, import.meta.url), 'utf8');
    const facts = readFeed(xml);
    assert.deepEqual(facts.problems, [], blog.file);
    assert.equal(facts.root, blog.format === 'rss' ? 'rss' : 'feed', blog.file);
    const actual = facts.entries.map((entry): DemoEntry => {
      assert.ok(entry.date !== undefined, `${blog.file}: every entry has a date`);
      return { blog: blog.name, title: entry.title, date: new Date(entry.date).toISOString() };
    });
    assert.ok(actual.length >= 2 && actual.length <= 4, `${blog.file} has 2 to 4 posts`);
    assert.deepEqual(actual.sort(byDate), expected.filter((e) => e.blog === blog.name).sort(byDate), blog.file);
    seen += actual.length;
  }
  assert.equal(seen, expected.length, 'no expected entry belongs to a blog without a feed');
});

test('the feeds carry the hostile markup the sanitizer must remove', async () => {
  const texts = await Promise.all(
    demoBlogs.map(async (b) => readFeed(await readFile(new URL(`./feeds/${b.file}`, import.meta.url), 'utf8')).text),
  );
  const all = texts.join('\n');
  assert.match(all, /<script[\s>]/);
  assert.match(all, /<img [^>]*onerror=/);
  assert.match(all, /href="javascript:/);
});

test('expectedDemoEntries is newest first over several days in two months, with one untitled post', () => {
  const entries = expectedDemoEntries();
  const dates = entries.map((e) => e.date);
  assert.deepEqual([...dates].sort().reverse(), dates);
  assert.equal(new Set(dates).size, dates.length, 'distinct dates');
  assert.ok(new Set(dates.map((d) => d.slice(0, 10))).size >= 8, 'several days');
  assert.ok(dates.every((d) => d >= '2026-10-01' && d < '2026-11-30'), 'October and November 2026');
  assert.equal(entries.filter((e) => e.title === undefined).length, 1);
  entries[0]!.title = 'changed by a caller';
  assert.notEqual(expectedDemoEntries()[0]!.title, 'changed by a caller');
});

test('demoFeeds names every file in feeds/, 7 RSS and 5 Atom, and every referenced image exists', async () => {
  const files = (await readdir(new URL('./feeds/', import.meta.url))).filter((f) => f.endsWith('.xml'));
  assert.deepEqual(demoFeeds.map((f) => f.file).sort(), files.sort());
  assert.equal(new Set(demoFeeds.map((f) => f.name)).size, 12);
  assert.equal(demoBlogs.filter((b) => b.format === 'rss').length, 7);
  assert.equal(demoBlogs.filter((b) => b.format === 'atom').length, 5);
  assert.equal(demoFeedUrl('http://127.0.0.1:8080', 'olu.xml'), 'http://127.0.0.1:8080/feeds/olu.xml');

  const images = new Set(await readdir(new URL('./images/', import.meta.url)));
  for (const file of files) {
    const xml = await readFile(new URL(`./feeds/${file}`, import.meta.url), 'utf8');
    for (const [, name] of xml.matchAll(/images\/([\w.-]+)/g)) {
      assert.ok(images.has(name ?? ''), `${file} uses images/${name}`);
    }
  }
});
