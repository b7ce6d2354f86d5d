import type { SectionSpec } from './schema.ts';
import { sections } from './schema.ts';

function defaultText(section: SectionSpec, key: string): string {
  const spec = section.fields[key];
  if (spec === undefined) return '';
  if (spec.required) return 'required';
  return spec.default === undefined ? '' : `\`${JSON.stringify(spec.default)}\``;
}

/** The README's configuration reference as Markdown, made from the schema so the two cannot drift. */
export function renderConfigReference(): string {
  const out: string[] = [];
  for (const section of sections) {
    out.push(`### \`${section.array ? `[[${section.name}]]` : `[${section.name}]`}\``, '', section.doc, '');
    out.push('| key | type | default | meaning |', '| --- | --- | --- | --- |');
    for (const [key, spec] of Object.entries(section.fields)) {
      out.push(`| \`${key}\` | ${spec.type} | ${defaultText(section, key)} | ${spec.doc} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
