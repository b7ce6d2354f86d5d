/**
 * `%(name)s` interpolation as Python 2.7's ConfigParser.get() does it (not SafeConfigParser's):
 * https://docs.python.org/2.7/library/configparser.html "The optional values can contain format
 * strings which refer to other values in the same section, or values in a special DEFAULT
 * section", and MAX_INTERPOLATION_DEPTH ("the maximum depth for recursive interpolation").
 */
import { ConfigError } from '../../model/index.ts';
import type { IniDocument, IniSection } from './read-ini.ts';
import { sectionOptions } from './read-ini.ts';

/** 2.7's ConfigParser.MAX_INTERPOLATION_DEPTH. */
export const MAX_INTERPOLATION_DEPTH = 10;

/**
 * The value of an option as Planet read it: raw for the options Planet 2.0 / Venus read with
 * raw=True (date formats, log_format), else interpolated. Returns undefined when neither the
 * section nor [DEFAULT] sets it.
 */
export function iniValue(doc: IniDocument, section: IniSection, name: string, raw = false): string | undefined {
  const options = sectionOptions(doc, section);
  const option = options.get(name);
  if (option === undefined) return undefined;
  if (raw) return option.value;
  const vars = new Map<string, string>();
  for (const [key, o] of options) vars.set(key, o.value);
  // 2.7 keeps the section's name under __name__, so %(__name__)s names the section.
  if (section !== doc.defaults && !vars.has('__name__')) vars.set('__name__', section.name);
  const where = `${doc.file}:${option.line}: [${section.name}] ${name}`;
  let value = option.value;
  // 2.7 repeats Python's %-formatting until no "%(" is left, at most MAX_INTERPOLATION_DEPTH
  // times; a value without "%(" is returned as is, so "%B %d" date formats need no escaping.
  for (let depth = 0; depth < MAX_INTERPOLATION_DEPTH && value.includes('%('); depth++) {
    value = formatOnce(value, vars, where);
  }
  if (value.includes('%(')) {
    throw new ConfigError(
      'config-invalid',
      `config: ${where}: %(name)s references nest more than ${MAX_INTERPOLATION_DEPTH} deep, probably a loop ` +
        `(e.g. a = %(b)s and b = %(a)s); break the loop, or write %% for a literal %`,
    );
  }
  return value;
}

/** One pass of Python's `value % vars` over a string (names are lower-cased first, as 2.7 does). */
function formatOnce(value: string, vars: ReadonlyMap<string, string>, where: string): string {
  let out = '';
  let i = 0;
  while (i < value.length) {
    const at = value.indexOf('%', i);
    if (at === -1) {
      out += value.slice(i);
      break;
    }
    out += value.slice(i, at);
    const next = value[at + 1];
    if (next === '%') {
      out += '%';
      i = at + 2;
      continue;
    }
    const ref = next === '(' ? /^%\(([^)]*)\)s/.exec(value.slice(at)) : null;
    if (ref === null) {
      throw new ConfigError(
        'config-invalid',
        `config: ${where}: "${value.slice(at, at + 8)}..." is not a %(name)s reference; a value that uses %(name)s must write a literal % as %%`,
      );
    }
    const key = (ref[1] ?? '').toLowerCase();
    const replacement = vars.get(key);
    if (replacement === undefined) {
      throw new ConfigError(
        'config-invalid',
        `config: ${where}: %(${ref[1]})s refers to "${key}", which neither this section nor [DEFAULT] sets; set it, or write %% for a literal %`,
      );
    }
    out += replacement;
    i = at + ref[0].length;
  }
  return out;
}
