// The bench's feed servers, run in a child process so that serving does not share the event
// loop with the fetcher being measured. One node:http server per loopback address; every
// response, 200 or 304, is sent LATENCY_MS after its request arrived. Reports its origins
// over IPC, and on "stats" the most requests each host had open at once.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const hosts = Number(process.env.BENCH_HOSTS ?? 63);
const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 150);

// A 1x1 PNG: each feed's configured avatar, so the run's avatar pass stays on these servers.
const avatarPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** An RSS feed of ten entries, about 6 KB, distinct per path; its site link is on the same server. */
function feedBody(origin: string, path: string): string {
  const items = Array.from(
    { length: 10 },
    (_, i) => `<item><title>${path} post ${i}</title><link>http://bench.example${path}/${i}</link><guid>${path}-${i}</guid>` +
      `<pubDate>Sat, 28 Nov 2026 ${String(10 + (i % 10)).padStart(2, '0')}:00:00 +0000</pubDate>` +
      `<description>&lt;p&gt;Post ${i} of ${path}: ${'lorem ipsum dolor sit amet '.repeat(12)}&lt;/p&gt;</description></item>`,
  );
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Bench ${path}</title><link>${origin}${path}</link><description>d</description>${items.join('')}</channel></rss>`;
}

const peaks: Record<string, number> = {};
const origins: string[] = [];
for (let i = 0; i < hosts; i++) {
  const ip = `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`;
  let open = 0;
  let origin = '';
  peaks[ip] = 0;
  const server = createServer((req, res) => {
    open += 1;
    peaks[ip] = Math.max(peaks[ip] ?? 0, open);
    res.once('close', () => (open -= 1));
    const path = req.url ?? '/';
    const avatar = path.startsWith('/avatar/');
    const body = avatar ? avatarPng : feedBody(origin, path);
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    setTimeout(() => {
      if (req.headers['if-none-match'] === etag) res.writeHead(304, { etag }).end();
      else res.writeHead(200, { 'content-type': avatar ? 'image/png' : 'application/rss+xml', etag }).end(body);
    }, latencyMs);
  });
  server.listen(0, ip);
  await once(server, 'listening');
  origin = `http://${ip}:${(server.address() as AddressInfo).port}`;
  origins.push(origin);
}
process.send?.({ origins });
// A bench that dies (Ctrl-C, a crash) must not leave its servers behind.
process.on('disconnect', () => process.exit(0));
process.on('message', (message) => {
  if (message === 'stats') process.send?.({ peaks });
  if (message === 'exit') process.exit(0);
});
