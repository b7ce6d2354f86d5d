import { createReadStream, watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { basename, dirname, extname, join, normalize, sep } from 'node:path';
import { loadConfig } from '../config/index.ts';
import type { PlanetConfig } from '../model/index.ts';
import { PlanetError } from '../model/index.ts';
import { buildSite } from '../pipeline/index.ts';
import { openStore } from '../store/index.ts';
import type { CommandSpec } from './commands.ts';
import type { Io } from './output.ts';
import { beforeCommand } from './before-command.ts';

// Preview only: the server binds to loopback and is no production web server.
const host = '127.0.0.1';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** `planet serve`: builds the site, serves it on 127.0.0.1 and rebuilds when the config or theme changes. */
export const serveCommand: CommandSpec = {
  name: 'serve',
  summary: 'build the site, serve it on 127.0.0.1 for preview and rebuild when the config or theme changes',
  options: [
    { flags: '-c, --config <path>', description: 'planet.toml to use', default: './planet.toml' },
    { flags: '-p, --port <port>', description: 'port on 127.0.0.1 (0 picks a free one)', default: '8080' },
  ],
  run: async (options, _args, io) => {
    const configPath = String(options.config);
    const port = Number(options.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new PlanetError('cli', 'usage', `serve: --port must be a whole number from 0 to 65535, got ${String(options.port)}`);
    }
    let config = await loadConfig(configPath);
    await beforeCommand(config, io);
    await rebuild(config, io);
    const { server, url } = await startPreviewServer(() => config.planet.outputDir, port);
    io.out(`serve: ${config.planet.outputDir} at ${url} (Ctrl-C stops)`);

    let watchers: FSWatcher[] = [];
    let timer: NodeJS.Timeout | undefined;
    let running = Promise.resolve();
    const onChange = (what: string): void => {
      // Editors write a file in several steps; one rebuild per burst of events is enough.
      clearTimeout(timer);
      timer = setTimeout(() => {
        running = running.then(async () => {
          try {
            const next = await loadConfig(configPath);
            const watchedMoved = watchedPaths(next) !== watchedPaths(config);
            config = next;
            if (watchedMoved) watchers = rewatch(watchers, config, onChange);
            await rebuild(config, io, what);
          } catch (error) {
            io.err(`serve: not rebuilt after the change to ${what}: ${error instanceof Error ? error.message : String(error)}`);
          }
        });
      }, 150);
    };
    watchers = rewatch(watchers, config, onChange);
    await untilStopped(server);
    clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
    await running;
    io.out('serve: stopped');
    return 0;
  },
};

/** A static server for a published site on 127.0.0.1; `root` is asked on every request. */
export async function startPreviewServer(root: () => string, port = 0): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => void serveFile(root(), req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  return { server, url: `http://${host}:${typeof address === 'object' && address !== null ? address.port : port}/` };
}

async function rebuild(config: PlanetConfig, io: Io, after?: string): Promise<void> {
  const store = await openStore(config.planet.database);
  try {
    const report = await buildSite(config, store);
    const why = after === undefined ? 'built' : `rebuilt after a change to ${after}`;
    io.out(`serve: ${why}: ${report.changed} files changed, ${report.unchanged} unchanged`);
  } finally {
    await store.close();
  }
}

/** What rewatch watches, as one string: when it changes, the watchers are set up again. */
function watchedPaths(config: PlanetConfig): string {
  return JSON.stringify([config.planet.themeDir, config.planet.templateFiles ?? []]);
}

/**
 * Watches the config file and the `template_files` (through their folders: editors replace
 * files) and the theme folder.
 */
function rewatch(old: FSWatcher[], config: PlanetConfig, onChange: (what: string) => void): FSWatcher[] {
  for (const watcher of old) watcher.close();
  const byFolder = new Map<string, Set<string>>();
  for (const file of [config.configPath, ...(config.planet.templateFiles ?? [])]) {
    byFolder.set(dirname(file), (byFolder.get(dirname(file)) ?? new Set()).add(basename(file)));
  }
  const watchers = [...byFolder].map(([folder, names]) =>
    watch(folder, (_event, file) => {
      if (file !== null && names.has(file)) onChange(join(folder, file));
    }),
  );
  const themeWatcher = watch(config.planet.themeDir, { recursive: true }, (_event, file) =>
    onChange(join(config.planet.themeDir, String(file ?? ''))),
  );
  return [...watchers, themeWatcher];
}

/** Resolves on SIGINT or SIGTERM, after the server has closed. */
function untilStopped(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      server.close(() => resolve());
      server.closeAllConnections();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Serves one file of the output directory; read per request, since each build swaps the directory. */
async function serveFile(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return reply(res, 405, 'only GET and HEAD');
  let path: string;
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://preview/').pathname);
  } catch {
    return reply(res, 400, 'bad path');
  }
  let file = normalize(join(root, path));
  // normalize() resolves "..": anything that leaves the output directory is not ours to serve.
  if (file !== root && !file.startsWith(root + sep)) return reply(res, 404, 'not found');
  let info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    // Relative links in a page resolve against its URL, so a folder must be asked for with "/".
    if (!path.endsWith('/')) return void res.writeHead(301, { location: `${path}/` }).end();
    file = join(file, 'index.html');
    info = await stat(file).catch(() => undefined);
  }
  if (!info?.isFile()) return reply(res, 404, 'not found');
  res.writeHead(200, {
    'content-type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': 'no-store',
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).pipe(res);
}

function reply(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(`${text}\n`);
}
