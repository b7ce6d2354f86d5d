// The words a theme puts around the feeds' content ("Latest", "Subscriptions", "Older posts"),
// in the planet's language. A theme writes them in English through `t`:
//   {{ t("Posts from {name}", { name: page.title }) }}
// and carries translations in messages/<language>.json beside theme.json: an object from the
// English text to the translation. A child theme's files are read after its parents', so its
// entries win (a messages/en.json can even reword the English).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RenderError } from '../model/index.ts';

/** English text -> the text to show. */
export type Messages = Readonly<Record<string, string>>;

/** The `t` of the templates: the message for `text` (else `text`), with `{key}` filled in from `values`. */
export type Translate = (text: string, values?: Readonly<Record<string, unknown>>) => string;

/**
 * The messages for `locale` (a BCP 47 tag) from the `messages` folders of a theme chain
 * (`themeDirs` child first, as ResolvedTheme.searchPath): per theme, parent first, the file of
 * the language ("pt.json"), then of the whole tag ("pt-BR.json").
 */
export function loadMessages(themeDirs: readonly string[], locale: string): Messages {
  const language = locale.split('-')[0] ?? locale;
  const names = [...new Set([language, locale])].map((tag) => `${tag}.json`);
  const messages: Record<string, string> = {};
  for (const dir of [...themeDirs].reverse()) {
    for (const name of names) {
      const file = join(dir, 'messages', name);
      if (existsSync(file)) Object.assign(messages, readMessages(file));
    }
  }
  return messages;
}

function readMessages(file: string): Messages {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new RenderError('theme-invalid', `render: ${file} is not valid JSON (${(error as Error).message}); fix it or remove it`, { cause: error });
  }
  const bad = typeof data !== 'object' || data === null || Array.isArray(data) ? [] : Object.entries(data).filter(([, v]) => typeof v !== 'string');
  if (typeof data !== 'object' || data === null || Array.isArray(data) || bad.length > 0) {
    const what = bad.length > 0 ? `"${bad[0]?.[0]}" is not a string` : 'it is not an object';
    throw new RenderError('theme-invalid', `render: ${file} must map English texts to their translations, as { "Latest": "Neueste" }; ${what}`);
  }
  return data as Messages;
}

/** `t` over `messages`: unknown texts stay as they are; `{key}` takes values[key], unknown keys stay. */
export function translator(messages: Messages): Translate {
  return (text, values = {}) => {
    const message = Object.hasOwn(messages, text) ? (messages[text] as string) : text;
    return message.replace(/\{(\w+)\}/g, (whole, key: string) => (Object.hasOwn(values, key) ? String(values[key]) : whole));
  };
}
