// A real HTTP server on 127.0.0.1 serving a few feeds for the CLI's end-to-end tests.
// It honours conditional requests and records what each request asked for.
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  path: string;
  headers: IncomingHttpHeaders;
  status: number;
}

const rss = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>Alpha Blog</title><link>http://alpha.example/</link><description>Alpha</description>
<item><title>Alpha newest</title><link>http://alpha.example/3</link><guid>alpha-3</guid>
<pubDate>Sat, 28 Nov 2026 10:00:00 +0000</pubDate>
<description>&lt;p&gt;Hello &lt;b&gt;bold&lt;/b&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src="pic.png" onerror="alert(2)"&gt;&lt;/p&gt;</description></item>
<item><title>Alpha oldest</title><link>http://alpha.example/1</link><guid>alpha-1</guid>
<pubDate>Thu, 26 Nov 2026 10:00:00 +0000</pubDate><description>First &amp; foremost</description></item>
</channel></rss>`;

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Beta Log</title><id>urn:beta</id><updated>2026-11-27T12:00:00Z</updated>
<link rel="alternate" href="http://beta.example/"/>
<entry><title>Beta middle</title><id>urn:beta:2</id><link href="http://beta.example/2"/>
<updated>2026-11-27T12:00:00Z</updated><content type="html">&lt;pre&gt;&lt;code&gt;a &amp;lt; b&lt;/code&gt;&lt;/pre&gt;</content></entry>
</feed>`;

const feeds: Record<string, { type: string; body: string }> = {
  '/alpha.xml': { type: 'application/rss+xml', body: rss },
  '/beta.xml': { type: 'application/atom+xml', body: atom },
};

const lastModified = 'Sat, 28 Nov 2026 10:00:00 GMT';

/** Starts the server; `/broken.xml` always answers 500. */
export async function startFeedServer(): Promise<{ origin: string; seen: SeenRequest[]; close: () => Promise<void> }> {
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    const feed = feeds[path];
    const answer = (status: number, headers: Record<string, string> = {}, body = ''): void => {
      seen.push({ path, headers: req.headers, status });
      res.writeHead(status, headers).end(body);
    };
    if (feed === undefined) return answer(path === '/broken.xml' ? 500 : 404);
    const etag = `"${createHash('sha256').update(feed.body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) return answer(304, { etag, 'last-modified': lastModified });
    answer(200, { 'content-type': feed.type, etag, 'last-modified': lastModified }, feed.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A loopback port with nothing listening on it: bound, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
