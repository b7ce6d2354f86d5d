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

/** An RSS feed of ten entries, about 6 KB, distinct per path. */
function feedBody(path: string): string {
  const items = Array.from(
    { length: 10 },
    (_, i) => `<item><title>${path} post ${i}</title><link>http://bench.example${path}/${i}</link><guid>${path}-${i}</guid>` +
      `<pubDate>Sat, 28 Nov 2026 ${String(10 + (i % 10)).padStart(2, '0')}:00:00 +0000</pubDate>` +
      `<description>&lt;p&gt;Post ${i} of ${path}: ${'lorem ipsum dolor sit amet '.repeat(12)}&lt;/p&gt;</description></item>`,
  );
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Bench ${path}</title><link>http://bench.example${path}</link><description>d</description>${items.join('')}</channel></rss>`;
}

const peaks: Record<string, number> = {};
const origins: string[] = [];
for (let i = 0; i < hosts; i++) {
  const ip = `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`;
  let open = 0;
  peaks[ip] = 0;
  const server = createServer((req, res) => {
    open += 1;
    peaks[ip] = Math.max(peaks[ip] ?? 0, open);
    res.once('close', () => (open -= 1));
    const body = feedBody(req.url ?? '/');
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    setTimeout(() => {
      if (req.headers['if-none-match'] === etag) res.writeHead(304, { etag }).end();
      else res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(body);
    }, latencyMs);
  });
  server.listen(0, ip);
  await once(server, 'listening');
  origins.push(`http://${ip}:${(server.address() as AddressInfo).port}`);
}
process.send?.({ origins });
process.on('message', (message) => {
  if (message === 'stats') process.send?.({ peaks });
  if (message === 'exit') process.exit(0);
});
