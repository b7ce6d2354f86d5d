import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

/** A node:http server on 127.0.0.1, stopped by `close`. */
export interface LocalServer {
  origin: string;
  close: () => Promise<void>;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  // Avatars (initials are SVG): a browser shows an image only when its type says it is one.
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
};

/** Serves fixed documents by path, e.g. feeds; anything else is a 404. */
export async function serveDocuments(documents: ReadonlyMap<string, { type: string; body: string }>): Promise<LocalServer> {
  return listen(async (path) => {
    const doc = documents.get(path);
    return doc === undefined ? undefined : { type: doc.type, body: Buffer.from(doc.body) };
  });
}

/** Serves the files under `root` (a published site); "/x/" means "/x/index.html". */
export async function serveDirectory(root: string): Promise<LocalServer> {
  return listen(async (path) => {
    const relative = normalize(decodeURIComponent(path.endsWith('/') ? `${path}index.html` : path));
    if (relative.split('/').includes('..')) return undefined;
    try {
      return { type: types[extname(relative)] ?? 'application/octet-stream', body: await readFile(join(root, relative)) };
    } catch {
      return undefined;
    }
  });
}

async function listen(lookup: (path: string) => Promise<{ type: string; body: Buffer } | undefined>): Promise<LocalServer> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    lookup(path).then(
      (found) => {
        if (found === undefined) res.writeHead(404).end();
        else res.writeHead(200, { 'content-type': found.type }).end(found.body);
      },
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
