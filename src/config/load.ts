import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse, TomlError } from 'smol-toml';
import type { PlanetConfig } from '../model/index.ts';
import { ConfigError } from '../model/index.ts';
import { validateConfig } from './validate.ts';
import { configFormat } from './edit.ts';
import { decodeIni, parseIniConfig } from './ini/load-ini.ts';

/** Reads, parses and validates a planet.toml (or a Planet 2.0 / Venus config.ini); paths in it become absolute. */
export async function loadConfig(path: string): Promise<PlanetConfig> {
  const configPath = resolve(path);
  let bytes: Buffer;
  try {
    bytes = await readFile(configPath);
  } catch (error) {
    const hint = (error as NodeJS.ErrnoException).code === 'ENOENT'
      ? 'no such file; pass -c PATH or create one with `planet init`'
      : (error as Error).message;
    throw new ConfigError('config-not-found', `config: cannot read ${configPath}: ${hint}`, { cause: error });
  }
  const text = bytes.toString('utf8');
  // A Planet 2.0 / Venus config.ini goes through its own reader, then the same validation.
  if (configFormat(configPath, text) !== 'ini') return parseConfig(text, configPath);
  const ini = decodeIni(bytes, configPath);
  return parseIniConfig(ini.text, configPath, process.cwd(), ini.notes);
}

/** Parses planet.toml text; `configPath` names the file in messages and anchors relative paths. */
export function parseConfig(text: string, configPath: string): PlanetConfig {
  let data: Record<string, unknown>;
  try {
    data = parse(text);
  } catch (error) {
    if (error instanceof TomlError) {
      const reason = error.message.split('\n')[0]?.replace(/^Invalid TOML document: /, '') ?? 'invalid TOML';
      throw new ConfigError(
        'config-syntax',
        `config: ${configPath}:${error.line}:${error.column}: ${reason}\n${error.codeblock}`,
        { cause: error },
      );
    }
    throw error;
  }
  return validateConfig(data, configPath);
}
