// Edits of a config's feeds as text, so the file keeps its order, comments and formatting:
// `planet add`, `planet remove` and `planet health --fix` write through here.
import { extname } from 'node:path';
import { ConfigError } from '../model/index.ts';
import { appendIni, iniLayout, removeIni, replaceIniUrl } from './edit-ini.ts';
import { appendToml, removeToml, replaceTomlUrl, tomlLayout, tomlUrls } from './edit-toml.ts';

/** One change to a config's subscriptions. */
export type ConfigEdit =
  | { action: 'append'; url: string; name: string }
  | { action: 'remove'; url: string }
  | { action: 'replace-url'; url: string; newUrl: string };

/** The two config syntaxes Planet reads. */
export type ConfigFormat = 'toml' | 'ini';

/** The syntax of a config: by its extension, else by a Planet 2.0 `[Planet]` section. */
export function configFormat(path: string, text: string): ConfigFormat {
  const extension = extname(path).toLowerCase();
  if (extension === '.ini' || extension === '.cfg' || extension === '.conf') return 'ini';
  if (extension === '.toml') return 'toml';
  return /^\[Planet\][ \t]*\r?$/m.test(text) ? 'ini' : 'toml';
}

/** A URL compared as the config validator compares subscriptions (WHATWG-normalised). */
function normalised(url: string): string {
  try {
    return new URL(url.trim()).href;
  } catch {
    return url.trim();
  }
}

/** Index of the feed subscribed as `url`: an exact match first, then a normalised one. */
export function findFeed(urls: readonly string[], url: string): number {
  const exact = urls.indexOf(url);
  if (exact !== -1) return exact;
  const wanted = normalised(url);
  return urls.findIndex((candidate) => normalised(candidate) === wanted);
}

/** The feed URLs a config subscribes to, in file order (as written, not resolved). */
export function configFeedUrls(text: string, format: ConfigFormat, file = 'the config'): string[] {
  return format === 'toml' ? tomlUrls(tomlLayout(text, file)) : iniLayout(text).blocks.map((b) => b.url);
}

/**
 * Applies edits in order to a config's text and returns the new text; everything an edit does not
 * touch stays byte for byte. Throws ConfigError naming the feed (and `file`, for messages) when an
 * edit cannot be placed: a feed to remove or move that is not there, one to add that already is.
 */
export function applyConfigEdits(text: string, format: ConfigFormat, edits: readonly ConfigEdit[], file = 'the config'): string {
  let current = text;
  for (const edit of edits) current = applyOne(current, format, edit, file);
  return current;
}

function applyOne(text: string, format: ConfigFormat, edit: ConfigEdit, file: string): string {
  const toml = format === 'toml' ? tomlLayout(text, file) : undefined;
  const ini = toml ? undefined : iniLayout(text);
  const urls = toml ? tomlUrls(toml) : (ini?.blocks.map((b) => b.url) ?? []);
  const index = findFeed(urls, edit.url);
  if (edit.action === 'append') {
    if (index !== -1) {
      throw new ConfigError('config-invalid', `config: ${edit.url} is already subscribed in ${file} (as ${urls[index]}); nothing to add`);
    }
    return toml ? appendToml(text, toml, edit) : appendIni(text, ini ?? iniLayout(text), edit, file);
  }
  if (index === -1) {
    const what = edit.action === 'remove' ? 'remove it' : `move it to ${edit.newUrl}`;
    throw new ConfigError('config-invalid', `config: ${edit.url} is not subscribed in ${file}, so Planet cannot ${what}; check the URL (planet health lists the subscribed ones)`);
  }
  if (edit.action === 'remove') return toml ? removeToml(text, toml, index) : removeIni(text, ini ?? iniLayout(text), index);
  const taken = findFeed(urls, edit.newUrl);
  if (taken !== -1 && taken !== index) {
    throw new ConfigError('config-invalid', `config: cannot move ${edit.url} to ${edit.newUrl} in ${file}: that URL is already subscribed; remove ${edit.url} instead`);
  }
  return toml ? replaceTomlUrl(text, toml, index, edit.newUrl) : replaceIniUrl(text, ini ?? iniLayout(text), index, edit.newUrl, file);
}
