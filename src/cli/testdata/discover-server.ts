// A real HTTP server on 127.0.0.5 for `planet check / add / remove`: a blog's web page that
// advertises its feeds, the feeds themselves, a page that advertises none, and a moved feed.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const page = `<!DOCTYPE html>
<html><head><title>Gamma's blog</title>
<link rel="alternate" type="application/rss+xml" title="Gamma posts" href="/feed.xml">
<link rel="alternate" type="application/atom+xml" title="Gamma comments" href="comments.xml">
</head><body><p>Welcome</p></body></html>`;

// Summary-only, one entry undated and one dated far in the future: what check warns about.
const feed = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>Gamma posts</title><link>http://gamma.example/</link><description>Gamma</description>
<item><title>Gamma second</title><link>http://gamma.example/2</link><guid>gamma-2</guid>
<pubDate>Sun, 29 Nov 2026 09:00:00 +0000</pubDate><description>Second post</description></item>
<item><title>Gamma first</title><link>http://gamma.example/1</link><guid>gamma-1</guid>
<pubDate>Fri, 27 Nov 2026 09:00:00 +0000</pubDate><description>First post</description></item>
<item><title>Gamma undated</title><link>http://gamma.example/u</link><guid>gamma-u</guid><description>No date</description></item>
<item><title>Gamma from the future</title><link>http://gamma.example/f</link><guid>gamma-f</guid>
<pubDate>Fri, 01 Jan 2100 00:00:00 +0000</pubDate><description>Not yet</description></item>
</channel></rss>`;

const comments = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Gamma comments</title><id>urn:gamma:comments</id>
<updated>2026-11-29T10:00:00Z</updated>
<entry><title>Re: Gamma second</title><id>urn:gamma:c1</id><updated>2026-11-29T10:00:00Z</updated>
<content type="html">&lt;p&gt;Nice&lt;/p&gt;</content></entry></feed>`;

const alpha = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Alpha</title><link>http://alpha.example/</link><description>Alpha</description>
<item><title>Alpha post</title><link>http://alpha.example/1</link><guid>alpha-1</guid>
<pubDate>Thu, 26 Nov 2026 10:00:00 +0000</pubDate><description>Alpha</description></item>
</channel></rss>`;

const routes: Record<string, { type: string; body: string }> = {
  '/': { type: 'text/html; charset=utf-8', body: page },
  '/feed.xml': { type: 'application/rss+xml', body: feed },
  '/comments.xml': { type: 'application/atom+xml', body: comments },
  '/alpha.xml': { type: 'application/rss+xml', body: alpha },
  '/plain': { type: 'text/html', body: '<!DOCTYPE html><html><head><title>No feeds here</title></head><body>hi</body></html>' },
};

/** Starts the server on 127.0.0.5; `/moved.xml` answers 301 to `/feed.xml`. */
export async function startDiscoverServer(): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/moved.xml') return void res.writeHead(301, { location: '/feed.xml' }).end();
    const route = routes[path];
    if (route === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': route.type }).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.5', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.5:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
