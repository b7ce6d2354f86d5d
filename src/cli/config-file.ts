import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { diffLines } from 'diff';
import { loadConfig, parseConfig } from '../config/index.ts';
import type { PlanetConfig } from '../model/index.ts';

/** The config `planet check` compares against; without one at the default path, the defaults. */
export async function configOrDefaults(path: string, isDefaultPath: boolean): Promise<{ config: PlanetConfig; found: boolean }> {
  if (isDefaultPath && !existsSync(path)) {
    // The validator's defaults, so check fetches and places entries exactly as a new planet would.
    const minimal = '[planet]\nname = "planet check"\nlink = "https://planet.example.org/"\n';
    return { config: parseConfig(minimal, resolve(path)), found: false };
  }
  return { config: await loadConfig(path), found: true };
}

/**
 * Writes an edited config, then loads it: an edit that leaves a config Planet rejects is
 * undone (the old text is written back) and the load's error is thrown, so `add` and
 * `remove` never leave a planet that does not run.
 */
export async function writeConfigEdit(path: string, before: string, after: string): Promise<PlanetConfig> {
  await writeFile(path, after);
  try {
    return await loadConfig(path);
  } catch (error) {
    await writeFile(path, before);
    throw error;
  }
}

/** The lines an edit added and removed, as `+ line` / `- line`, for the user to see. */
export function changedLines(before: string, after: string): string[] {
  const lines: string[] = [];
  for (const part of diffLines(before, after)) {
    if (!part.added && !part.removed) continue;
    for (const line of part.value.replace(/\r?\n$/, '').split(/\r?\n/)) lines.push(`${part.added ? '+' : '-'} ${line}`);
  }
  return lines;
}

/** Reads a config's text; the loader's own message when it is missing. */
export async function readConfigText(path: string): Promise<string> {
  if (!existsSync(path)) await loadConfig(path);
  return readFile(path, 'utf8');
}
