import type { HealthStatus } from '../model/index.ts';
import { PlanetError } from '../model/index.ts';

/** Every status, in the order `planet health --help` lists them. */
export const healthStatuses: readonly HealthStatus[] = ['ok', 'failing', 'gone', 'stale', 'redirected', 'duplicate', 'html-not-feed', 'never-fetched'];

/** Reads `--fail-on failing,gone,...`; throws a usage error naming any unknown status. */
export function parseStatusList(text: string): HealthStatus[] {
  const words = text.split(',').map((word) => word.trim()).filter((word) => word !== '');
  const unknown = words.filter((word) => !(healthStatuses as readonly string[]).includes(word));
  if (words.length === 0 || unknown.length > 0) {
    const what = unknown.length > 0 ? `unknown status ${unknown.map((w) => `"${w}"`).join(', ')}` : 'no status given';
    throw new PlanetError('cli', 'usage', `health: --fail-on: ${what}; use a comma-separated list of ${healthStatuses.join(', ')}`);
  }
  return words as HealthStatus[];
}
