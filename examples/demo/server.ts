// The demo planet's fixture web server: twelve fictional blogs' feeds, their images and stub
// pages, served over real HTTP on a loopback address with the validators a real blog sends.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isIP } from 'node:net';
import { extname } from 'node:path';
import { escapeUTF8 } from 'entities';
import { ConfigError } from '../../src/model/index.ts';
import { demoBlogs } from './demo-blogs.ts';
import type { DemoBlog } from './demo-blogs.ts';

export { demoBlogs, demoFeeds, demoFeedUrl, expectedDemoEntries } from './demo-blogs.ts';
export type { DemoBlog, DemoEntry } from './demo-blogs.ts';

/** Where and how the demo server listens. */
export interface DemoServerOptions {
  /** Default 0: the system picks a free port. */
  port?: number;
  /** A loopback IP literal; default 127.0.0.1. */
  host?: string;
}

/** Requests answered so far, by outcome, for tests to assert on. */
export interface DemoServerStats {
  requests: number;
  ok: number;
  notModified: number;
  notFound: number;
}

/** A running demo server. */
export interface DemoServer {
  /** Like http://127.0.0.1:41234, without a trailing slash. */
  origin: string;
  port: number;
  /** A snapshot of the counters since start. */
  stats(): DemoServerStats;
  close(): Promise<void>;
}

/** The placeholder the feed files use for the server's origin, decided only at run time. */
export const ORIGIN_PLACEHOLDER = '{{origin}}';

// One fixed date for every resource: the fixtures never change while a server runs, so a
// fetcher that sends it back in If-Modified-Since must get a 304.
const LAST_MODIFIED = 'Sun, 29 Nov 2026 18:00:00 GMT';
const LAST_MODIFIED_MS = Date.parse(LAST_MODIFIED);

const FEED_TYPES: Record<DemoBlog['format'], string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
};
const IMAGE_TYPES: Record<string, string> = { '.svg': 'image/svg+xml', '.png': 'image/png' };

interface Resource {
  body: Buffer;
  contentType: string;
  etag: string;
}

interface Routes {
  feeds: Map<string, Resource>;
  images: Map<string, Resource>;
}

/** Starts the demo server on a loopback address and resolves once it is listening. */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const host = options.host ?? '127.0.0.1';
  assertLoopback(host);
  const [feedTemplates, images] = await Promise.all([loadFeedTemplates(), loadImages()]);

  const counters: DemoServerStats = { requests: 0, ok: 0, notModified: 0, notFound: 0 };
  let routes: Routes = { feeds: new Map(), images };
  const server = createServer((req, res) => {
    counters.requests += 1;
    const status = answer(req, res, routes);
    if (status === 200) counters.ok += 1;
    else if (status === 304) counters.notModified += 1;
    else if (status === 404) counters.notFound += 1;
  });

  const port = await listen(server, options.port ?? 0, host);
  const origin = `http://${isIP(host) === 6 ? `[${host}]` : host}:${port}`;
  // Requests are handled on later turns of the event loop, so none sees the empty feed map.
  routes = { feeds: withOrigin(feedTemplates, origin), images };

  return {
    origin,
    port,
    stats: () => ({ ...counters }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets from the fetcher would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

function assertLoopback(host: string): void {
  const family = isIP(host);
  const loopback =
    (family === 4 && host.split('.')[0] === '127') ||
    (family === 6 && new URL(`http://[${host}]/`).hostname === '[::1]');
  if (!loopback) {
    throw new ConfigError(
      'config-invalid',
      `demo server: host "${host}" is not a loopback address; use 127.0.0.1 or ::1 ` +
        '(the demo never listens on a network)',
    );
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

async function loadFeedTemplates(): Promise<Map<DemoBlog, string>> {
  const pairs = await Promise.all(
    demoBlogs.map(async (blog) => {
      const template = await readFile(new URL(`./feeds/${blog.file}`, import.meta.url), 'utf8');
      return [blog, template] as const;
    }),
  );
  return new Map(pairs);
}

async function loadImages(): Promise<Map<string, Resource>> {
  const dir = new URL('./images/', import.meta.url);
  const images = new Map<string, Resource>();
  for (const name of await readdir(dir)) {
    const type = IMAGE_TYPES[extname(name)];
    if (type !== undefined) images.set(name, resource(await readFile(new URL(name, dir)), type));
  }
  return images;
}

function withOrigin(templates: Map<DemoBlog, string>, origin: string): Map<string, Resource> {
  const feeds = new Map<string, Resource>();
  for (const [blog, template] of templates) {
    const body = Buffer.from(template.replaceAll(ORIGIN_PLACEHOLDER, origin), 'utf8');
    feeds.set(blog.file, resource(body, FEED_TYPES[blog.format]));
  }
  return feeds;
}

function resource(body: Buffer, contentType: string): Resource {
  // A strong validator: it changes whenever a byte of the representation does (RFC 9110 §8.8.3).
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
  return { body, contentType, etag };
}

/** Writes the response and returns its status. */
function answer(req: IncomingMessage, res: ServerResponse, routes: Routes): number {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
    res.end('method not allowed: the demo server answers GET and HEAD\n');
    return 405;
  }
  const path = new URL(req.url ?? '/', 'http://demo.invalid').pathname;
  const found = route(path, routes);
  if (found === undefined) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`not found: ${path}\n`);
    return 404;
  }
  const headers = {
    etag: found.etag,
    'last-modified': LAST_MODIFIED,
    'cache-control': 'no-cache',
  };
  if (notModified(req, found.etag)) {
    res.writeHead(304, headers);
    res.end();
    return 304;
  }
  res.writeHead(200, { ...headers, 'content-type': found.contentType, 'content-length': found.body.length });
  res.end(req.method === 'HEAD' ? undefined : found.body);
  return 200;
}

function route(path: string, routes: Routes): Resource | undefined {
  const parts = path.split('/').slice(1);
  const [top, second, third, fourth] = parts;
  // Images answer under /images/, and also where a relative "images/x.svg" lands when resolved
  // against a feed URL (/feeds/images/) or a blog page or xml:base (/blogs/<slug>/images/).
  if (top === 'images' && parts.length === 2) return routes.images.get(second ?? '');
  if (top === 'feeds' && parts.length === 2) return routes.feeds.get(second ?? '');
  if (top === 'feeds' && second === 'images' && parts.length === 3) return routes.images.get(third ?? '');
  if (top !== 'blogs') return undefined;
  const blog = demoBlogs.find((b) => b.slug === second);
  if (blog === undefined) return undefined;
  if (third === 'images' && parts.length === 4) return routes.images.get(fourth ?? '');
  return resource(Buffer.from(blogPage(blog, path), 'utf8'), 'text/html; charset=utf-8');
}

// If-None-Match wins over If-Modified-Since when both are sent (RFC 9110 §13.1.3), and it
// uses the weak comparison (§13.1.2), so a W/ prefix from a proxy still matches.
function notModified(req: IncomingMessage, etag: string): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .some((tag) => tag === '*' || tag === etag);
  }
  const ifModifiedSince = req.headers['if-modified-since'];
  if (ifModifiedSince === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && LAST_MODIFIED_MS <= since;
}

function blogPage(blog: DemoBlog, path: string): string {
  const title = escapeUTF8(blog.title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<link rel="alternate" type="${FEED_TYPES[blog.format].split(';')[0]}" title="${title}" href="/feeds/${blog.file}">
</head>
<body>
<h1><a href="/blogs/${blog.slug}/">${title}</a></h1>
<p>You are at <code>${escapeUTF8(path)}</code> on ${title}, a blog by ${escapeUTF8(blog.name)}.</p>
<p>This blog is fictional: it was written for the Planet demo, and its posts live in
<a href="/feeds/${blog.file}">its feed</a>.</p>
</body>
</html>
`;
}
