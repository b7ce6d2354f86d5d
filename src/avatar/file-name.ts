import { createHash } from 'node:crypto';

/**
 * The published path of an avatar, relative to the site root: named by its content, so a new
 * picture gets a new name (no stale browser caches) and identical ones share a file.
 */
export function avatarPath(bytes: Uint8Array | string, ext: string): string {
  const digest = createHash('sha256').update(bytes).digest('hex').slice(0, 20);
  return `avatars/${digest}.${ext}`;
}
