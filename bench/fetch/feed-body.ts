// The bench's feed documents, shared by the latency server and the stage-cost bench.

/** An RSS feed of ten entries, about 6 KB, distinct per path; its site link is on the same server. */
export function feedBody(origin: string, path: string): string {
  const items = Array.from(
    { length: 10 },
    (_, i) => `<item><title>${path} post ${i}</title><link>http://bench.example${path}/${i}</link><guid>${path}-${i}</guid>` +
      `<pubDate>Sat, 28 Nov 2026 ${String(10 + (i % 10)).padStart(2, '0')}:00:00 +0000</pubDate>` +
      `<description>&lt;p&gt;Post ${i} of ${path}: ${'lorem ipsum dolor sit amet '.repeat(12)}&lt;/p&gt;</description></item>`,
  );
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Bench ${path}</title><link>${origin}${path}</link><description>d</description>${items.join('')}</channel></rss>`;
}
