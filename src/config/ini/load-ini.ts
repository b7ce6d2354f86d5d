/** A Planet 2.0 / Venus config.ini -> the same validated PlanetConfig a planet.toml gives. */
import type { PlanetConfig } from '../../model/index.ts';
import { ConfigError } from '../../model/index.ts';
import { bundledThemesDir, validateConfig } from '../validate.ts';
import type { IniOrigin } from './context.ts';
import type { MappedIni } from './map-ini.ts';
import { mapIni } from './map-ini.ts';
import { readIni } from './read-ini.ts';

/** Reads config.ini text and converts it to native data, throwing a ConfigError for bad values. */
export function convertIni(text: string, configPath: string, cwd = process.cwd()): MappedIni {
  const mapped = mapIni(readIni(text, configPath), { cwd, bundledThemes: bundledThemesDir });
  if (mapped.problems.length > 0) {
    const count = mapped.problems.length === 1 ? 'a problem' : `${mapped.problems.length} problems`;
    throw new ConfigError('config-invalid', `config: ${configPath} has ${count}:\n  ${mapped.problems.join('\n  ')}`);
  }
  return mapped;
}

/**
 * The text of a config.ini's bytes. Python 2 read bytes, so old configs may be Latin-1; one that
 * is not UTF-8 is read as Windows-1252 (Latin-1's superset), with a note saying so.
 */
export function decodeIni(bytes: Uint8Array, configPath: string): { text: string; notes: string[] } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), notes: [] };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      notes: [`config: ${configPath}: is not UTF-8, so it was read as Windows-1252 (Latin-1); save it as UTF-8 if names look wrong`],
    };
  }
}

/** Parses config.ini text; `configPath` names the file in messages and anchors relative paths; `notes` lead the warnings. */
export function parseIniConfig(text: string, configPath: string, cwd = process.cwd(), notes: readonly string[] = []): PlanetConfig {
  const mapped = convertIni(text, configPath, cwd);
  let config: PlanetConfig;
  try {
    config = validateConfig(mapped.data, configPath);
  } catch (error) {
    if (error instanceof ConfigError) {
      throw new ConfigError(error.code === 'config-syntax' ? 'config-syntax' : 'config-invalid', inIniTerms(error.message, configPath, mapped.origins), { cause: error });
    }
    throw error;
  }
  return Object.freeze({ ...config, format: 'ini' as const, warnings: Object.freeze([...notes, ...mapped.warnings]) });
}

/**
 * The validator names native keys ("[planet] items_per_page", "[[feeds]] #3 url"); a config.ini
 * user wrote "[Planet] items_per_page" or "[http://...] name", so each location is mapped back.
 */
function inIniTerms(message: string, file: string, origins: ReadonlyMap<string, IniOrigin>): string {
  const keys = [...origins.keys()].sort((a, b) => b.length - a.length);
  return message
    .split('\n')
    .map((line) => {
      const at = line.indexOf(`${file}: `);
      if (at === -1) return line;
      const rest = line.slice(at + file.length + 2);
      const key = keys.find((k) => rest.startsWith(k) && /^[ :]/.test(rest.slice(k.length)));
      const origin = key === undefined ? undefined : origins.get(key);
      if (key === undefined || origin === undefined) return line;
      const where = `${file}:${origin.line}: [${origin.section}]${origin.option === undefined ? '' : ` ${origin.option}`}`;
      // The message may name another feed too ("already subscribed as [[feeds]] #1").
      const tail = rest.slice(key.length).replace(/\[\[(feeds|reading_lists)\]\] #\d+/g, (ref) => {
        const other = origins.get(ref);
        return other === undefined ? ref : `[${other.section}]`;
      });
      return `${line.slice(0, at)}${where}${tail}`;
    })
    .join('\n');
}
