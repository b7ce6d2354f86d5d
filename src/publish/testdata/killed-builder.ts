// Child process for publish.test.ts: starts a publish whose build writes half a site,
// says so on stdout, then waits until it is killed.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { publishSite } from '../index.ts';

const outputDir = process.argv[2];
if (outputDir === undefined) throw new Error('usage: killed-builder.ts OUTPUT_DIR');
await publishSite(outputDir, async (dir) => {
  await writeFile(join(dir, 'index.html'), 'half-built');
  process.stdout.write('building\n');
  await new Promise<never>(() => {
    setInterval(() => undefined, 60_000);
  });
});
