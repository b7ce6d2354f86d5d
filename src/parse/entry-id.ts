import { createHash } from 'node:crypto';

/**
 * An entry's identity: the id the feed declares, else its link, else a hash of what it
 * says, so the same post gets the same id on every run.
 */
export function entryId(declared: string | undefined, link: string | undefined, title: string | undefined, html: string | undefined): string {
  const id = declared?.trim();
  if (id) return id;
  if (link) return link;
  // The NUL separator keeps ("ab", "c") and ("a", "bc") apart.
  const digest = createHash('sha256').update(`${title ?? ''}\u0000${html ?? ''}`).digest('hex');
  return `sha256:${digest}`;
}
