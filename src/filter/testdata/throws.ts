// Fixture plugin that fails on every entry.
export function filterEntry(): never {
  throw new Error('plugin exploded');
}
