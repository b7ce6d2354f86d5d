import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { decodeIni, iniToToml } from '../config/index.ts';
import { ConfigError } from '../model/index.ts';
import type { CommandSpec } from './commands.ts';

/** `planet import config.ini > planet.toml`: converts a Planet 2.0 / Venus config to native TOML. */
export const importCommand: CommandSpec = {
  name: 'import',
  args: '<config.ini>',
  summary: 'print a Planet 2.0 / Venus config.ini as planet.toml (save it beside the .ini); what cannot be converted goes to stderr',
  options: [],
  run: async (_options, args, io) => {
    const path = resolve(args[0] ?? 'config.ini');
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      throw new ConfigError('config-not-found', `import: cannot read ${path}: ${(error as Error).message}`, { cause: error });
    }
    const { text, notes } = decodeIni(bytes, path);
    const { toml, warnings } = iniToToml(text, path, process.cwd(), notes);
    io.out(toml.trimEnd());
    for (const line of warnings) io.err(`warning: ${line}`);
    if (warnings.length > 0) {
      io.err(`import: ${warnings.length} option${warnings.length === 1 ? '' : 's'} not converted (listed at the top of the TOML too)`);
    }
    return 0;
  },
};
