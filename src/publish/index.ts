export { publishSite } from './publish.ts';
export type { ReuseReport } from './reuse.ts';
