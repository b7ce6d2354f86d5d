// `npm start`: serves the demo feeds on 127.0.0.1:8741, runs the real `planet run` on
// examples/demo/planet.toml (whose feed URLs name that port), and says where the site is.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { startDemoServer } from './server.ts';

const port = 8741;
const config = fileURLToPath(new URL('./planet.toml', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/planet.js', import.meta.url));
const output = fileURLToPath(new URL('./output/index.html', import.meta.url));

let server: Awaited<ReturnType<typeof startDemoServer>>;
try {
  server = await startDemoServer({ port });
} catch (error) {
  const busy = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
  console.error(busy ? `demo: port ${port} on 127.0.0.1 is in use; stop what listens there and run npm start again` : error);
  process.exit(1);
}

console.log(`demo: serving the example feeds at ${server.origin}/feeds/`);
const planet = spawn(process.execPath, [bin, 'run', '-c', config], { stdio: 'inherit' });
const [code] = (await once(planet, 'exit')) as [number | null];
await server.close();
if (code === 0) console.log(`demo: published ${output}`);
process.exit(code ?? 1);
