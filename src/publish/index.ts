export { publishSite } from './publish.ts';
