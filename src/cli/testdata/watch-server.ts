// A real HTTP server on 127.0.0.1 for `planet watch`'s end-to-end tests. Every feed grows
// by one post each time it is fetched, so every run of the daemon has news to publish; a
// request can be held open until the test releases it, to stop the daemon mid-update.
import { createHash } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rss } from '../../pipeline/testdata/river-server.ts';

const T0 = Date.UTC(2026, 10, 1, 12);

/** Feed `path` as served on its `count`-th request (0-based): a back catalogue plus `count` fresh posts. */
export function feedBody(path: string, count: number, backCatalogue: number): string {
  const name = path.replace(/^\/|\.xml$/g, '');
  const fresh = Array.from({ length: count }, (_, r) => ({
    id: `${name}-fresh-${r}`,
    title: `${name} fresh ${r}`,
    link: `http://site.example/${name}/fresh/${r}`,
    date: new Date(T0 + (r + 1) * 3_600_000),
  }));
  const base = Array.from({ length: backCatalogue }, (_, i) => ({
    id: `${name}-${i}`,
    title: `${name} post ${i}`,
    link: `http://site.example/${name}/${i}`,
    date: new Date(T0 - (i + 1) * 3_600_000),
    content: `<p>${`Post ${i} of ${name}, with some words to render. `.repeat(30)}</p>`,
  }));
  return rss(`Feed ${name}`, [...fresh.toReversed(), ...base]);
}

export interface WatchServer {
  origin: string;
  /** Paths requested so far, in order. */
  seen: string[];
  /** Resolves when `path` has been requested `times` times in all. */
  requested: (path: string, times: number) => Promise<void>;
  /** Holds the `nth` (1-based) request of `path` open until `release()` is called. */
  hold: (path: string, nth: number) => { release: () => void };
  close: () => Promise<void>;
}

/** Starts the server; any `/<name>.xml` is a feed, with `backCatalogue` posts besides the fresh ones. */
export async function startWatchServer(backCatalogue = 30): Promise<WatchServer> {
  const seen: string[] = [];
  const events = new EventEmitter();
  const holds = new Map<string, Promise<void>>();
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    const count = seen.filter((p) => p === path).length;
    seen.push(path);
    events.emit('request');
    if (!path.endsWith('.xml')) return void res.writeHead(404).end();
    const body = feedBody(path, count, backCatalogue);
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    const answer = (): void => {
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(body);
    };
    const held = holds.get(`${path}#${count + 1}`);
    if (held === undefined) answer();
    else void held.then(answer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    seen,
    requested: async (path, times) => {
      while (seen.filter((p) => p === path).length < times) await once(events, 'request');
    },
    hold: (path, nth) => {
      let release = (): void => undefined;
      holds.set(`${path}#${nth}`, new Promise<void>((resolve) => (release = resolve)));
      return { release: () => release() };
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
