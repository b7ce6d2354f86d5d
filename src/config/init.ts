import { stringify } from 'smol-toml';
import type { FieldSpec, SectionSpec } from './schema.ts';
import { fetchSection, feedSection, planetSection } from './schema.ts';

/** What `planet init` asks for; everything else gets the schema's documented default. */
export interface InitOptions {
  name: string;
  link: string;
  feeds: readonly { url: string; name?: string }[];
}

function tomlValue(value: string | number | boolean): string {
  return stringify({ v: value }).replace(/^v = /, '').trim();
}

/** Lines for one table: set keys as values, the other keys as commented-out defaults with their doc. */
function sectionLines(section: SectionSpec, values: Record<string, string | number | boolean | undefined>): string[] {
  const lines = [`[${section.array ? `[${section.name}]` : section.name}]`];
  for (const [key, spec] of Object.entries(section.fields) as [string, FieldSpec][]) {
    const value = values[key];
    if (value !== undefined) {
      lines.push(`${key} = ${tomlValue(value)}`.padEnd(40) + ` # ${spec.doc}`);
    } else if (!section.array) {
      const example = spec.default === undefined ? '""' : tomlValue(spec.default);
      lines.push(`# ${key} = ${example}`.padEnd(40) + ` # ${spec.doc}`);
    }
  }
  return lines;
}

/** The text of a new, valid planet.toml, documented inline from the schema. */
export function renderInitConfig(options: InitOptions): string {
  const out = [
    '# Planet configuration. Reference: see the README ("Configuration").',
    '',
    ...sectionLines(planetSection, { name: options.name, link: options.link }),
    '',
    ...sectionLines(fetchSection, {}),
    '',
    '# One [[feeds]] table per subscription, for example:',
    '# [[feeds]]',
    '# url = "https://blog.example.org/feed.xml"',
    '# name = "Example Blog"',
  ];
  for (const feed of options.feeds) {
    out.push('', ...sectionLines(feedSection, { url: feed.url, name: feed.name }));
  }
  return `${out.join('\n')}\n`;
}
