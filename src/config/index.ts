export { loadConfig, parseConfig } from './load.ts';
export { renderInitConfig } from './init.ts';
export { renderConfigReference } from './reference.ts';
export { sections } from './schema.ts';
export type { FieldSpec, FieldType, SectionSpec } from './schema.ts';
