// A fault-injection HTTP server for the fetch tests: real node:http servers, one per
// behaviour, each on its own loopback address (127.0.0.x), so that every behaviour is its own
// host for the per-host limit. Each host records what it saw and the most connections and
// requests it had open at once, so tests can assert politeness from the server's side.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { readFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { gzipSync } from 'node:zlib';

/** Answers one request; `host` is the fault host it arrived at. */
export type FaultRoute = (req: IncomingMessage, res: ServerResponse, host: FaultHost) => void;

/** What a host saw of one request. */
export interface FaultRequest {
  path: string;
  headers: IncomingHttpHeaders;
}

/** One server on one loopback address. */
export interface FaultHost {
  ip: string;
  origin: string;
  url(path: string): string;
  seen: FaultRequest[];
  /** Most TCP connections open at the same time. */
  maxConnections: number;
  /** Most requests in progress at the same time. */
  maxRequests: number;
  close(): Promise<void>;
}

/** Starts a host on `ip` (any 127.0.0.x) with routes by path; unknown paths use the route "*" or get 404. */
/**
 * Remote ports of the server-side TCP connections on `ip:port` that the kernel still lists as
 * ESTABLISHED (Linux /proc/net/tcp), or undefined where that file does not exist.
 *
 * The kernel's view is exact at any moment: a client that closed or reset a connection has done
 * so before it opens the next one, so the old socket is already CLOSE_WAIT or gone. Node's own
 * events for that close can come after the event for the new connection (both may be ready in
 * one turn of the event loop), which once made a correct client look like it broke the limit.
 */
function establishedPeers(ip: string, port: number): Set<number> | undefined {
  let table: string;
  try {
    table = readFileSync('/proc/net/tcp', 'latin1');
  } catch {
    return undefined;
  }
  const octets = ip.split('.').map(Number);
  const ordered = endianness() === 'LE' ? octets.reverse() : octets;
  const local = `${ordered.map((o) => o.toString(16).padStart(2, '0')).join('')}:${port.toString(16).padStart(4, '0')}`.toUpperCase();
  const peers = new Set<number>();
  for (const line of table.split('\n').slice(1)) {
    const [, localAddress, remoteAddress, state] = line.trim().split(/\s+/);
    if (localAddress === local && state === '01' && remoteAddress !== undefined) {
      peers.add(Number.parseInt(remoteAddress.split(':')[1] ?? '', 16));
    }
  }
  return peers;
}

/** Starts a host on `ip` (any 127.0.0.x) with routes by path; unknown paths use the route "*" or get 404. */
export async function startFaultHost(ip: string, routes: Record<string, FaultRoute>): Promise<FaultHost> {
  let connections = 0;
  const inProgress = new Set<IncomingMessage>();
  const sockets = new Set<Socket>();
  let port = 0;
  const server = createServer((req, res) => {
    inProgress.add(req);
    res.once('close', () => inProgress.delete(req));
    // A request whose connection the client has already closed is no longer in progress for it.
    const live = establishedPeers(ip, port);
    const requests = live === undefined ? inProgress.size : [...inProgress].filter((r) => live.has(r.socket.remotePort ?? -1)).length;
    host.maxRequests = Math.max(host.maxRequests, requests);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    host.seen.push({ path, headers: req.headers });
    const route = routes[path] ?? routes['*'];
    if (route === undefined) res.writeHead(404).end('no such route');
    else route(req, res, host);
  });
  server.on('connection', (socket: Socket) => {
    connections += 1;
    sockets.add(socket);
    host.maxConnections = Math.max(host.maxConnections, establishedPeers(ip, port)?.size ?? connections);
    // Without /proc/net/tcp: a connection counts as closed once the client has closed or reset
    // its side (its FIN or RST arrives before anything it sends later).
    let counted = true;
    const closed = (): void => {
      if (counted) connections -= 1;
      counted = false;
    };
    socket.once('end', closed);
    socket.once('error', closed);
    socket.once('close', () => {
      closed();
      sockets.delete(socket);
    });
  });
  server.listen(0, ip);
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
  const origin = `http://${ip}:${port}`;
  const host: FaultHost = {
    ip,
    origin,
    url: (path) => `${origin}${path}`,
    seen: [],
    maxConnections: 0,
    maxRequests: 0,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
  return host;
}

/** A small RSS feed whose entries are named after `key`, so every feed stores distinct entries. */
export function rssFeed(key: string, extraChannel = ''): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel>
<title>Feed ${key}</title><link>http://${key}.example/</link><description>d</description>${extraChannel}
<item><title>${key} one</title><link>http://${key}.example/1</link><guid>${key}-1</guid>
<pubDate>Sat, 28 Nov 2026 10:00:00 +0000</pubDate><description>first of ${key}</description></item>
</channel></rss>`;
}

/** Serves `body` as a feed with an ETag, answering 304 to a matching If-None-Match. */
export function feedRoute(body: (req: IncomingMessage) => string, headers: Record<string, string> = {}): FaultRoute {
  return (req, res) => {
    const text = body(req);
    const etag = `"${createHash('sha256').update(text).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag, ...headers }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag, ...headers }).end(text);
  };
}

/** Writes `chunk` until the client hangs up, honouring backpressure. */
function pumpForever(res: ServerResponse, sink: NodeJS.WritableStream, chunk: Buffer): void {
  const pump = (): void => {
    while (!res.destroyed) if (!sink.write(chunk)) return void sink.once('drain', pump);
  };
  pump();
}

// A gzip stream may hold several members back to back (RFC 1952 section 2.2), so repeating one member
// makes an endless bomb without compressing anything per request.
const bombMember = gzipSync(Buffer.alloc(16 * 1024 * 1024), { level: 9 });

/** The behaviours of the issue, each a route that answers any path of its host. */
export const faults = {
  /** Accepts the request and never answers. */
  hang: (() => undefined) satisfies FaultRoute,
  /** Sends headers, then a byte every 100 ms for ever: never silent long enough for a body timeout. */
  drip: ((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.write('<?xml version="1.0"?><rss version="2.0"><channel>');
    const timer = setInterval(() => res.write(' '), 100);
    res.once('close', () => clearInterval(timer));
  }) satisfies FaultRoute,
  /** Promises 4000 bytes, sends some, then resets the connection. */
  reset: ((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': '4000' });
    res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>cut');
    setImmediate(() => res.socket?.resetAndDestroy());
  }) satisfies FaultRoute,
  status500: ((_req, res) => void res.writeHead(500).end('oops')) satisfies FaultRoute,
  status404: ((_req, res) => void res.writeHead(404).end('not here')) satisfies FaultRoute,
  status410: ((_req, res) => void res.writeHead(410).end('gone for good')) satisfies FaultRoute,
  /** 429 asking for two hours, in delay-seconds. */
  status429: ((_req, res) => void res.writeHead(429, { 'retry-after': '7200' }).end()) satisfies FaultRoute,
  /** 503 asking for three hours from now, as an HTTP-date. */
  status503: ((_req, res) =>
    void res.writeHead(503, { 'retry-after': new Date(Date.now() + 3 * 3600_000).toUTCString() }).end()) satisfies FaultRoute,
  /** Endless gzip members of zeros: 16 KB on the wire inflate to 16 MB each. */
  gzipBomb: ((_req, res) => {
    res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/rss+xml' });
    pumpForever(res, res, bombMember);
  }) satisfies FaultRoute,
  /** A 1 GB body, chunked (no Content-Length to refuse it by). */
  hugeBody: ((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    pumpForever(res, res, Buffer.alloc(1024 * 1024, 'a'));
  }) satisfies FaultRoute,
  /** Claims gzip, sends plain XML. */
  wrongEncoding: ((_req, res) =>
    void res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/rss+xml' }).end(rssFeed('liar'))) satisfies FaultRoute,
  empty200: ((_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end()) satisfies FaultRoute,
  /** A web page that advertises its feed. */
  htmlPage: ((_req, res) =>
    void res
      .writeHead(200, { 'content-type': 'text/html' })
      .end(
        '<!DOCTYPE html><html><head><title>Blog</title><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body><p>Hello</p></body></html>',
      )) satisfies FaultRoute,
} as const;

/** A route that redirects with `status` to `location` (resolved against the request). */
export function redirectRoute(status: number, location: string): FaultRoute {
  return (_req, res) => void res.writeHead(status, { location }).end();
}
