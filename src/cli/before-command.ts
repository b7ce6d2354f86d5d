import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { PlanetConfig } from '../model/index.ts';
import type { Io } from './output.ts';

/**
 * What run, update, build, watch and serve do first with a loaded config: print its warnings (unsupported
 * config.ini options) on stderr, each once, and for a config.ini create cache_directory, which
 * Planet 2.0 created on first use (our store lives there).
 */
export async function beforeCommand(config: PlanetConfig, io: Io): Promise<void> {
  for (const line of new Set(config.warnings ?? [])) io.err(`warning: ${line}`);
  if (config.format === 'ini' && !/^postgres(ql)?:\/\//i.test(config.planet.database)) {
    await mkdir(dirname(config.planet.database), { recursive: true });
  }
}
