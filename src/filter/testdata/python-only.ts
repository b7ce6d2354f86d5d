// Fixture plugin: keeps entries mentioning Python, and marks their titles so a test sees the change.
import type { Entry } from '../../model/index.ts';

export function filterEntry(entry: Entry, ctx: { feed: { name: string } }): Entry | null {
  if (!/python/i.test(`${entry.title ?? ''} ${entry.content ?? ''}`)) return null;
  return { ...entry, title: `${entry.title ?? ''} [${ctx.feed.name}]` };
}
