// A real HTTP server on 127.0.0.1 whose feeds the test rewrites between runs: each path
// answers an RSS document, a status (500, 404...), or 304 when the client's ETag matches.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One item of a test feed; leaving out `date` makes an undated item. */
export interface Item {
  id: string;
  title: string;
  date?: Date;
  content?: string;
  link?: string;
}

/** What a path answers: a feed, a bare status, or a redirect. */
export type Route = { items: Item[]; title?: string } | { status: number } | { redirect: string };

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An RSS 2.0 document for `items`, in the order given (feeds list newest first). */
export function rss(title: string, items: readonly Item[]): string {
  const body = items
    .map((item) =>
      [
        '<item>',
        `<title>${escape(item.title)}</title>`,
        `<guid isPermaLink="false">${escape(item.id)}</guid>`,
        item.link === undefined ? '' : `<link>${escape(item.link)}</link>`,
        item.date === undefined ? '' : `<pubDate>${item.date.toUTCString()}</pubDate>`,
        `<description>${escape(item.content ?? `<p>${item.title}</p>`)}</description>`,
        '</item>',
      ].join(''),
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>${escape(title)}</title><link>http://site.example/</link><description>test</description>\n${body}\n</channel></rss>`;
}

/** Starts the server; set `routes[path]` before each run. */
export async function startRiverServer(): Promise<{ origin: string; routes: Map<string, Route>; close: () => Promise<void> }> {
  const routes = new Map<string, Route>();
  const server = createServer((req, res) => {
    const route = routes.get(req.url ?? '/');
    if (route === undefined) return res.writeHead(404).end();
    if ('status' in route) return res.writeHead(route.status).end();
    if ('redirect' in route) return res.writeHead(301, { location: route.redirect }).end();
    const body = rss(route.title ?? 'Test feed', route.items);
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) return res.writeHead(304, { etag }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    routes,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
