import { copyFile, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { createTwoFilesPatch } from 'diff';
import { applyConfigEdits, configFormat, loadConfig } from '../config/index.ts';
import type { ConfigEdit } from '../config/index.ts';
import type { FeedHealth, HealthSuggestion } from '../model/index.ts';
import { ConfigError, PlanetError } from '../model/index.ts';

/** How `--fix` may write: `yes` writes without asking; `ask` overrides the terminal check (tests). */
export interface FixOptions {
  yes: boolean;
  say: (line: string) => void;
  ask?: (question: string) => Promise<boolean>;
}

/** The config edit a suggestion stands for: an HTML page's feed replaces the page's URL. */
export function configEditOf(suggestion: HealthSuggestion): ConfigEdit {
  if (suggestion.action === 'remove') return { action: 'remove', url: suggestion.url };
  return { action: 'replace-url', url: suggestion.url, newUrl: suggestion.newUrl ?? suggestion.url };
}

/** The config text with every suggestion applied, in config order; the text unchanged when there is none. */
export function fixedConfigText(text: string, configPath: string, healths: readonly FeedHealth[]): string {
  // A feed from a reading list is not in the file: its fix belongs in the list.
  const edits = healths.flatMap((h) => (h.suggestion === undefined || h.readingList !== undefined ? [] : [configEditOf(h.suggestion)]));
  return edits.length === 0 ? text : applyConfigEdits(text, configFormat(configPath, text), edits, configPath);
}

/**
 * `planet health --fix`: shows the unified diff of the suggested edits, then writes it when
 * allowed. On a terminal it asks. Without one (cron, CI, a pipe) it writes only with --yes:
 * an unattended job must not rewrite a file people keep in version control unless its
 * author said so, and it must not hang waiting for an answer nobody will type. The old file
 * is kept as `<config>.bak`; the new one is checked by loading it before it replaces the old.
 * Returns whether the config was written.
 */
export async function fixConfig(configPath: string, healths: readonly FeedHealth[], options: FixOptions): Promise<boolean> {
  const text = await readFile(configPath, 'utf8');
  const listed = healths.filter((h) => h.suggestion !== undefined && h.readingList !== undefined);
  if (listed.length > 0) options.say(`fix: ${listed.length} suggested edit${listed.length === 1 ? ' is' : 's are'} for feeds from reading lists, which --fix leaves alone; edit those lists`);
  const fixed = fixedConfigText(text, configPath, healths);
  if (fixed === text) {
    options.say('fix: nothing to change in the config');
    return false;
  }
  const patch = createTwoFilesPatch(configPath, configPath, text, fixed, 'now', 'after planet health --fix');
  for (const line of patch.trimEnd().split('\n')) options.say(line);
  const allowed = options.yes || (await confirm(options, `write these changes to ${configPath}? [y/N] `));
  if (!allowed) {
    const why = options.ask !== undefined || process.stdin.isTTY ? 'not confirmed' : 'no terminal to ask on; pass --yes to write';
    options.say(`fix: ${configPath} left unchanged (${why})`);
    return false;
  }
  await replaceAtomically(configPath, fixed);
  options.say(`fix: wrote ${configPath} (the previous version is ${configPath}.bak)`);
  return true;
}

async function confirm(options: FixOptions, question: string): Promise<boolean> {
  if (options.ask !== undefined) return options.ask(question);
  if (!process.stdin.isTTY) return false;
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await prompt.question(question)).trim());
  } finally {
    prompt.close();
  }
}

/**
 * Writes beside the config (same directory, so rename is atomic and relative paths resolve the
 * same), loads the new file to be sure Planet still accepts it, backs the old one up, then renames.
 */
async function replaceAtomically(configPath: string, text: string): Promise<void> {
  const temp = join(dirname(configPath), `.${basename(configPath)}.${process.pid}.tmp${extname(configPath)}`);
  const { mode } = await stat(configPath);
  await writeFile(temp, text, { mode });
  try {
    await loadConfig(temp);
    await copyFile(configPath, `${configPath}.bak`);
    await rename(temp, configPath);
  } catch (error) {
    await rm(temp, { force: true });
    if (!(error instanceof PlanetError)) throw error;
    throw new ConfigError('config-invalid', `fix: ${configPath} left unchanged: the edited config would not load (${error.message})`, { cause: error });
  }
}
