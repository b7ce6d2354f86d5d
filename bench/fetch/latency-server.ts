// The bench's feed servers, run in a child process so that serving does not share the event
// loop with the fetcher being measured. One node:http server per loopback address; every
// response, 200 or 304, is sent LATENCY_MS after its request arrived. Reports its origins
// over IPC, and on "stats" the most requests each host had open at once.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { feedBody } from './feed-body.ts';

const hosts = Number(process.env.BENCH_HOSTS ?? 63);
const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 150);
const feeds = Number(process.env.BENCH_FEEDS ?? 567);

// A 1x1 PNG: each feed's configured avatar, so the run's avatar pass stays on these servers.
const avatarPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

interface Response {
  body: string | Buffer;
  etag: string;
  type: string;
}

function respond(origin: string, path: string): Response {
  const avatar = path.startsWith('/avatar/');
  const body = avatar ? avatarPng : feedBody(origin, path);
  const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
  return { body, etag, type: avatar ? 'image/png' : 'application/rss+xml' };
}

const peaks: Record<string, number> = {};
// Requests served since the last "count" message: what one run asked for.
let served = 0;
const origins: string[] = [];
for (let i = 0; i < hosts; i++) {
  const ip = `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`;
  let open = 0;
  let origin = '';
  peaks[ip] = 0;
  const server = createServer((req, res) => {
    open += 1;
    peaks[ip] = Math.max(peaks[ip] ?? 0, open);
    served += 1;
    res.once('close', () => (open -= 1));
    const path = req.url ?? '/';
    const { body, etag, type } = responses.get(path) ?? respond(origin, path);
    setTimeout(() => {
      if (req.headers['if-none-match'] === etag) res.writeHead(304, { etag }).end();
      else res.writeHead(200, { 'content-type': type, etag }).end(body);
    }, latencyMs);
  });
  const responses = new Map<string, Response>();
  server.listen(0, ip);
  await once(server, 'listening');
  origin = `http://${ip}:${(server.address() as AddressInfo).port}`;
  origins.push(origin);
  // Made before the bench starts, so the servers' own CPU during the runs is only serving:
  // they share the machine with the fetcher being measured.
  for (let feed = i; feed < feeds; feed += hosts) {
    for (const path of [`/feed/${feed}`, `/avatar/${feed}.png`]) responses.set(path, respond(origin, path));
  }
}
process.send?.({ origins });
// A bench that dies (Ctrl-C, a crash) must not leave its servers behind.
process.on('disconnect', () => process.exit(0));
process.on('message', (message) => {
  if (message === 'stats') process.send?.({ peaks, cpu: process.cpuUsage() });
  if (message === 'count') {
    process.send?.({ served });
    served = 0;
  }
  if (message === 'exit') process.exit(0);
});
