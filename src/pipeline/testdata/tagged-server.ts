// A real HTTP server on 127.0.0.1 serving RSS feeds whose items carry categories; the test
// changes `feeds[path]` between runs.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One item: a title, its categories, and an optional body. */
export interface TaggedItem {
  title: string;
  tags: string[];
  body?: string;
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function rss(items: readonly TaggedItem[]): string {
  const body = items
    .map((item, i) => {
      const slug = item.title.toLowerCase().replace(/\W+/g, '-');
      const date = new Date(Date.UTC(2026, 0, 20 - i)).toUTCString();
      const tags = item.tags.map((tag) => `<category>${escape(tag)}</category>`).join('');
      return `<item><title>${escape(item.title)}</title><link>http://blog.example/${slug}</link><guid>http://blog.example/${slug}</guid><pubDate>${date}</pubDate>${tags}<description>${escape(item.body ?? `<p>${item.title}</p>`)}</description></item>`;
    })
    .join('\n');
  return `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Tagged</title><link>http://blog.example/</link><description>t</description>\n${body}\n</channel></rss>`;
}

/** Starts the server; `feeds` maps a path to the items it serves. */
export async function startTaggedServer(): Promise<{ origin: string; feeds: Map<string, TaggedItem[]>; close: () => Promise<void> }> {
  const feeds = new Map<string, TaggedItem[]>();
  const server = createServer((req, res) => {
    const items = feeds.get(req.url ?? '/');
    if (items === undefined) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(items));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, feeds, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
