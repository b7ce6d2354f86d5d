/**
 * Venus's `filters` option (docs/filters.html of rubys/venus): a space-separated list of
 * programs, each optionally with `?name=value` arguments and a section of the same name holding
 * more. Two have native equivalents: excerpt.py (width) and regexp_sifter.py (require/exclude).
 */
import type { IniContext } from './context.ts';
import type { IniOption, IniSection } from './read-ini.ts';
import { filterProgramAdvice } from './planet-options.ts';

/** Where the converted settings go: [filters], or one feed's table; `where` prefixes origins. */
export interface FilterTarget {
  table: Record<string, unknown>;
  where: string;
}

/** The program name of a filters entry: "regexp_sifter.py?require=x" -> "regexp_sifter.py". */
export const filterProgram = (token: string): string => token.split('?')[0] ?? token;

/** Converts one `filters` option into `target`; every program we do not run gets one warning. */
export function mapFilters(ctx: IniContext, section: IniSection, option: IniOption, target: FilterTarget): void {
  for (const token of ctx.value(section, option).split(/\s+/).filter((t) => t !== '')) {
    const program = filterProgram(token);
    const args = filterArguments(ctx, token);
    const source = ctx.sourceOf(section, option);
    if (program === 'excerpt.py') {
      const width = args.get('width') ?? '500';
      if (!/^\d+$/.test(width)) ctx.problem(section, option, `excerpt.py width must be a whole number, got "${width}"`);
      else setOnce(ctx, target, 'excerpt', Number(width), section, option);
      if (args.has('omit')) {
        ctx.warn(`excerpt-omit`, source, option.name, 'excerpt.py omit is not supported: the excerpt keeps the allowed markup, images included');
      }
      continue;
    }
    if (program === 'regexp_sifter.py') {
      // regexp_sifter.py takes one regex per line; several required ones must all match.
      const require = lines(args.get('require'));
      const exclude = lines(args.get('exclude'));
      if (require.length > 0) {
        setOnce(ctx, target, 'filter', require.length === 1 ? require[0] : require.map((r) => `(?=[\\s\\S]*?(?:${r}))`).join(''), section, option);
      }
      if (exclude.length > 0) setOnce(ctx, target, 'exclude', exclude.map((r) => `(?:${r})`).join('|'), section, option);
      continue;
    }
    ctx.warn(`filter-program ${program}`, source, option.name, `${program} not run: ${filterProgramAdvice}`);
  }
}

/** A filter's arguments: its `[program]` (or `[token]`) section, then the `?a=b&c=d` of the token. */
function filterArguments(ctx: IniContext, token: string): Map<string, string> {
  const args = new Map<string, string>();
  for (const name of new Set([filterProgram(token), token])) {
    const section = ctx.doc.sections.get(name);
    if (section === undefined) continue;
    for (const option of section.options.values()) args.set(option.name, ctx.value(section, option));
  }
  const query = token.includes('?') ? token.slice(token.indexOf('?') + 1) : '';
  for (const [key, value] of new URLSearchParams(query)) args.set(key, value);
  return args;
}

const lines = (value: string | undefined): string[] => (value ?? '').split('\n').map((l) => l.trim()).filter((l) => l !== '');

/** Sets a filter key, warning when a second source would overwrite the first. */
function setOnce(ctx: IniContext, target: FilterTarget, key: string, value: unknown, section: IniSection, option: IniOption): void {
  if (target.table[key] !== undefined && target.table[key] !== value) {
    ctx.warn(`filter-twice ${target.where} ${key}`, ctx.sourceOf(section, option), option.name,
      `sets ${key} a second time (from filter/exclude and a Venus filter); the first one is kept`);
    return;
  }
  target.table[key] = value;
  ctx.origin(`${target.where} ${key}`, section, option);
}
