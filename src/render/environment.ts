import nunjucks from 'nunjucks';
import { stripForbiddenXmlChars, xmlText } from './xml-text.ts';

/** A Nunjucks environment over a theme's directories (child first), with Planet's filters registered. */
export function createEnvironment(searchPath: string[]): nunjucks.Environment {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(searchPath), {
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
  // JSON Feed values: JSON.stringify quotes and escapes; forbidden characters go as in XML so
  // every output carries the same text.
  env.addFilter('json', (value: unknown) => {
    const clean = typeof value === 'string' ? stripForbiddenXmlChars(value) : value;
    return new nunjucks.runtime.SafeString(JSON.stringify(clean ?? null));
  });
  return env;
}
