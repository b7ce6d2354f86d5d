// htmltmpl, the template language of Planet 2.0: compile a template file, then fill it with variables.
export { compileTemplate, compileTemplateFile } from './parse.ts';
export type { TemplateNode } from './parse.ts';
export { escapeHtml, processTemplate } from './process.ts';
export type { ProcessOptions, TemplateRecord, TemplateValue } from './process.ts';
