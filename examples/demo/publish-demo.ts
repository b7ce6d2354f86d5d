// The demo published for real into a temporary directory, for the site tests and the
// screenshot script: the demo feed server on a free port, `planet run` on the committed config
// pointed at it, and a preview server over the output (so pages load over http, as readers see them).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPreviewServer } from '../../src/cli/serve-command.ts';
import { planet } from '../../src/cli/testdata/run-planet.ts';
import { startDemoServer } from './server.ts';
import type { DemoServer } from './server.ts';


/** A published demo: its config, output and the two servers, until close(). */
export interface PublishedDemo {
  feeds: DemoServer;
  config: string;
  output: string;
  /** Where the preview server serves the output, ending in "/". */
  site: string;
  close(): Promise<void>;
}

/** Runs the CLI with `args`; resolves with its exit code and what it printed. */
export { planet } from '../../src/cli/testdata/run-planet.ts';

/** Publishes the demo with `theme` (a bundled theme's name) and serves it. */
export async function publishDemo(theme = 'default'): Promise<PublishedDemo> {
  const feeds = await startDemoServer();
  const dir = await mkdtemp(join(tmpdir(), 'planet-demo-site-'));
  const config = join(dir, 'planet.toml');
  const text = await readFile(new URL('./planet.toml', import.meta.url), 'utf8');
  const themed = text.replaceAll('http://127.0.0.1:8741', feeds.origin).replace('[planet]\n', `[planet]\ntheme = "${theme}"\n`);
  await writeFile(config, themed);
  const run = await planet(['run', '-c', config]);
  if (run.code !== 0 || run.stderr !== '') {
    await feeds.close();
    await rm(dir, { recursive: true, force: true });
    throw new Error(`planet run failed (${run.code}): ${run.stderr}`);
  }
  const output = join(dir, 'output');
  const preview: { server: Server; url: string } = await startPreviewServer(() => output);
  return {
    feeds,
    config,
    output,
    site: preview.url,
    close: async () => {
      preview.server.closeAllConnections();
      await new Promise((resolve) => preview.server.close(resolve));
      await feeds.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
