// Bound parameters per statement stay well under every engine's cap (SQLite 32766, PostgreSQL 65535).
const CHUNK = 500;

/** `items` in slices small enough to bind as the parameters of one statement. */
export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
