import nunjucks from 'nunjucks';
import { xmlText } from './xml-text.ts';

/** A Nunjucks environment for one theme directory, with Planet's filters registered. */
export function createEnvironment(themeDir: string): nunjucks.Environment {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(themeDir), {
    autoescape: true,
    // A theme may test optional fields (`{% if entry.author %}`) without guarding each one.
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
  // Marked safe so autoescape does not escape the result a second time; undefined and null
  // print as nothing, like a plain `{{ }}`.
  env.addFilter('xmltext', (value: unknown) => {
    const text = value === undefined || value === null ? '' : String(value);
    return new nunjucks.runtime.SafeString(xmlText(text));
  });
  return env;
}
