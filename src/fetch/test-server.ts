import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { FetchError } from '../model/index.ts';
import type { FetchSettings } from '../model/index.ts';
import { createHttpClient } from './index.ts';
import type { HttpClient } from './index.ts';

/** Answers one path of a test server. */
export type Route = (req: IncomingMessage, res: ServerResponse) => void;

/** What the server saw of one request. */
export interface SeenRequest {
  path: string;
  headers: IncomingHttpHeaders;
}

/** A real node:http server on 127.0.0.1 for the fetch tests. */
export interface TestServer {
  /** The absolute URL of a path on this server. */
  url(path: string): string;
  /** Every request so far, in arrival order. */
  seen: SeenRequest[];
  /** Every TCP connection accepted so far. */
  sockets: Socket[];
  close(): Promise<void>;
}

/** Starts a server on a free port; requests for paths without a route get 404. */
export async function startServer(routes: Record<string, Route>): Promise<TestServer> {
  const seen: SeenRequest[] = [];
  const sockets: Socket[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    seen.push({ path, headers: req.headers });
    const route = routes[path];
    if (route === undefined) res.writeHead(404).end('no such route');
    else route(req, res);
  });
  server.on('connection', (socket: Socket) => sockets.push(socket));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    seen,
    sockets,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** Fetch settings for tests: generous limits unless a test narrows one. */
export function testSettings(overrides: Partial<FetchSettings> = {}): FetchSettings {
  return {
    concurrency: 4,
    perHostConnections: 2,
    timeoutMs: 5_000,
    maxBytes: 1024 * 1024,
    userAgent: 'planet-test/1.0 (+http://planet.example/)',
    ...overrides,
  };
}

/** Runs `body` with a fresh client and closes the client afterwards. */
export async function withClient<T>(settings: FetchSettings, body: (client: HttpClient) => Promise<T>): Promise<T> {
  const client = createHttpClient(settings);
  try {
    return await body(client);
  } finally {
    await client.close();
  }
}

/** The FetchError a promise rejects with; fails the test if it resolves or rejects with anything else. */
export async function fetchError(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof FetchError, `expected a FetchError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the fetch to fail');
}
